// This program prints a receipt, but fmt.Println chooses the spacing and
// prints 7.0 as "7". Rewrite the prints in main with fmt.Printf, and money
// with fmt.Sprintf (verbs %d %s %q %v %.2f, and \n to end a line), so that
// the output is exactly:
//
//	Order #1042 for "Ada Lovelace"
//	Items: [coffee bagel]
//	2 x coffee = 7.00 EUR
//	1 x bagel = 2.25 EUR
//	Total: 9.25 EUR (paid: true)
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

	fmt.Printf("Order #%d for %q\n", order, customer)
	fmt.Printf("Items: %v\n", items)
	fmt.Printf("2 x coffee = %s\n", money(2*coffee))
	fmt.Printf("1 x bagel = %s\n", money(bagel))
	fmt.Printf("Total: %s (paid: %v)\n", money(2*coffee+bagel), paid)
}
