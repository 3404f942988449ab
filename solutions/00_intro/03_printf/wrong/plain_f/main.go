// Wrong: %f prints six decimals (7.000000); %.2f prints two.
package main

import "fmt"

// money formats an amount of euros with two decimals: money(7) is "7.00 EUR".
func money(amount float64) string {
	return fmt.Sprintf("%f EUR", amount)
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
