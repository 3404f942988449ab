package basics

import "fmt"

// ANCHOR: classic
// countdown counts down with the classic three-part for.
func countdown() {
	for i := 3; i > 0; i-- { // init; condition; post
		fmt.Print(i, "... ")
	}
	fmt.Println("liftoff")
}

// ANCHOR_END: classic

func Example_forClassic() {
	countdown()
	// Output: 3... 2... 1... liftoff
}

// ANCHOR: condition
// backoff doubles a wait while it stays under 2 seconds.
func backoff() {
	// Wait 100 ms before the first retry, then twice as long each time,
	// while the wait stays under 2 seconds.
	wait := 100
	for wait < 2000 { // only a condition: Go's "while"
		fmt.Print(wait, " ")
		wait *= 2
	}
	fmt.Println()
}

// ANCHOR_END: condition

func Example_forCondition() {
	backoff()
	// Output: 100 200 400 800 1600
}

// ANCHOR: forever
// oddNumbers loops until break, skipping even numbers with continue.
func oddNumbers() {
	n := 0
	for { // no condition: loops until break (or return)
		n++
		if n%2 == 0 {
			continue // skip the rest of this round, go to the next
		}
		if n > 7 {
			break // leave the loop
		}
		fmt.Print(n, " ")
	}
	fmt.Println()
}

// ANCHOR_END: forever

func Example_forBreakContinue() {
	oddNumbers()
	// Output: 1 3 5 7
}
