// Wrong: a buffer sized for the example (three orders) instead of for the
// actual number of orders: a longer order list deadlocks again.
package main

import (
	"fmt"
	"os"
)

func main() {
	orders := os.Args[1:]
	tickets := make(chan string, 3)
	for i, order := range orders {
		tickets <- fmt.Sprintf("#%d %s", i+1, order)
	}
	close(tickets)
	for ticket := range tickets {
		fmt.Println(ticket)
	}
}
