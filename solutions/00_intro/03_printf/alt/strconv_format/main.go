// Alternative: money built with strconv.FormatFloat, lines with Printf and %v.
package main

import (
	"fmt"
	"strconv"
)

// money formats an amount of euros with two decimals: money(7) is "7.00 EUR".
func money(amount float64) string {
	return strconv.FormatFloat(amount, 'f', 2, 64) + " EUR"
}

func main() {
	order := 1042
	customer := "Ada Lovelace"
	items := []string{"coffee", "bagel"}
	coffee := 3.5
	bagel := 2.25
	paid := true

	fmt.Printf("Order #%v for %q\n", order, customer)
	fmt.Printf("Items: %v\n", items)
	fmt.Printf("2 x coffee = %s\n", money(2*coffee))
	fmt.Printf("1 x bagel = %s\n", money(bagel))
	fmt.Printf("Total: %v (paid: %v)\n", money(2*coffee+bagel), paid)
}
