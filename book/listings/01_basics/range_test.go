package basics

import "fmt"

// ANCHOR: range
// countToThree ranges over an int.
func countToThree() {
	for i := range 3 { // i = 0, 1, 2 (Go 1.22 and newer)
		fmt.Print(i, " ")
	}
	fmt.Println()
}

// ANCHOR_END: range

func Example_rangeInt() {
	countToThree()
	// Output: 0 1 2
}

// ANCHOR: novar
// pingThreeTimes repeats without a loop variable.
func pingThreeTimes() {
	for range 3 { // when the number of the round does not matter
		fmt.Print("ping ")
	}
	fmt.Println()
}

// ANCHOR_END: novar

func Example_rangeNoVariable() {
	pingThreeTimes()
	// Output: ping ping ping
}

// ANCHOR: empty
// rangeOverNegative shows that a negative count runs no rounds.
func rangeOverNegative() {
	n := -2
	for i := range n { // 0 or a negative n: no rounds at all
		fmt.Println("never printed", i)
	}
	fmt.Println("done")
}

// ANCHOR_END: empty

func Example_rangeEmpty() {
	rangeOverNegative()
	// Output: done
}

// ANCHOR: nested
// seatPlan prints seat numbers from two nested loops.
func seatPlan() {
	// Seats in a small room: 2 rows of 3, numbered row.seat from 1.
	for row := range 2 {
		for seat := range 3 {
			if seat > 0 {
				fmt.Print(" ") // a space between seats, none at the end
			}
			fmt.Printf("%d.%d", row+1, seat+1) // range starts at 0: +1
		}
		fmt.Println()
	}
}

// ANCHOR_END: nested

func Example_rangeNested() {
	seatPlan()
	// Output:
	// 1.1 1.2 1.3
	// 2.1 2.2 2.3
}
