// Exercise: fix a deadlock.
// Run this program (go run . espresso latte): it dies with "fatal error: all
// goroutines are asleep - deadlock!". main sends on an unbuffered channel that
// nobody receives from yet. Fix it to print one ticket per order, in order.
package main

import (
	"fmt"
	"os"
)

func main() {
	orders := os.Args[1:]
	tickets := make(chan string)
	for i, order := range orders {
		tickets <- fmt.Sprintf("#%d %s", i+1, order) // waits for a receiver forever
	}
	close(tickets)
	for ticket := range tickets {
		fmt.Println(ticket)
	}
}
