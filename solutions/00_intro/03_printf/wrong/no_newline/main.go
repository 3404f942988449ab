// Wrong: Printf does not end the line by itself; without \n the lines run
// together.
package main

import "fmt"

// money formats an amount of euros with two decimals: money(7) is "7.00 EUR".
func money(amount float64) string {
	return fmt.Sprintf("%.2f EUR", amount)
}

func main() {
	order := 1042
	customer := "Ada Lovelace"
	items := []string{"coffee", "bagel"}
	coffee := 3.5
	bagel := 2.25
	paid := true

	fmt.Printf("Order #%d for %q", order, customer)
	fmt.Printf("Items: %v", items)
	fmt.Printf("2 x coffee = %s", money(2*coffee))
	fmt.Printf("1 x bagel = %s", money(bagel))
	fmt.Printf("Total: %s (paid: %v)", money(2*coffee+bagel), paid)
}
