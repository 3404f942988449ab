// Alternative: fmt.Fprintf to os.Stdout, with the items joined by hand and
// the total computed before printing.
package main

import (
	"fmt"
	"os"
	"strings"
)

// money formats an amount of euros with two decimals: money(7) is "7.00 EUR".
func money(amount float64) string {
	return fmt.Sprintf("%.2f %s", amount, "EUR")
}

func main() {
	order := 1042
	customer := "Ada Lovelace"
	items := []string{"coffee", "bagel"}
	coffee := 3.5
	bagel := 2.25
	paid := true

	out := os.Stdout
	fmt.Fprintf(out, "Order #%d for %q\n", order, customer)
	fmt.Fprintf(out, "Items: [%s]\n", strings.Join(items, " "))
	fmt.Fprintf(out, "%d x %s = %s\n", 2, items[0], money(2*coffee))
	fmt.Fprintf(out, "%d x %s = %s\n", 1, items[1], money(bagel))
	total := 2*coffee + bagel
	fmt.Fprintf(out, "Total: %s (paid: %t)\n", money(total), paid)
}
