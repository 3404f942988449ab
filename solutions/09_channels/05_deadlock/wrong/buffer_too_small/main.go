// Wrong: a buffer of one only moves the deadlock to the second send: the
// buffer must have room for every ticket sent before main starts receiving.
package main

import (
	"fmt"
	"os"
)

func main() {
	orders := os.Args[1:]
	tickets := make(chan string, 1)
	for i, order := range orders {
		tickets <- fmt.Sprintf("#%d %s", i+1, order)
	}
	close(tickets)
	for ticket := range tickets {
		fmt.Println(ticket)
	}
}
