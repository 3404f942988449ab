package functions

import "fmt"

// ANCHOR: counter
// newCounter returns a function that counts its calls. count is created
// anew by every call of newCounter, and lives on as long as the returned
// function does.
func newCounter() func() int {
	count := 0
	return func() int {
		count++ // the closure uses the variable itself, not a copy
		return count
	}
}

func Example_newCounter() {
	hits := newCounter()
	misses := newCounter() // a second counter, with a count of its own
	hits()
	hits()
	fmt.Println(hits(), misses())
	// Output: 3 1
}

// ANCHOR_END: counter

// ANCHOR: shared
// account returns two closures over the same variable: what one changes,
// the other sees.
func account() (deposit func(int), balance func() int) {
	total := 0
	deposit = func(n int) { total += n }
	balance = func() int { return total }
	return deposit, balance
}

func Example_account() {
	deposit, balance := account()
	deposit(50)
	deposit(25)
	fmt.Println(balance())
	// Output: 75
}

// ANCHOR_END: shared

// ANCHOR: loopvar
func Example_loopVariable() {
	var prints []func()
	for i := 0; i < 3; i++ {
		// Since Go 1.22, every iteration has its own i, so each closure
		// remembers a different one. Before Go 1.22 (or in a module whose
		// go.mod says go 1.21 or lower) all three shared one i and
		// printed 3 3 3.
		prints = append(prints, func() { fmt.Print(i, " ") })
	}
	for _, p := range prints {
		p()
	}
	fmt.Println()
	// Output: 0 1 2
}

// ANCHOR_END: loopvar
