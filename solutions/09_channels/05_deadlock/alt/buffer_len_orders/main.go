// Gives the channel a buffer of len(orders) so every send fits before the range loop.
package main

import (
	"fmt"
	"os"
)

func main() {
	orders := os.Args[1:]
	tickets := make(chan string, len(orders))
	for i, order := range orders {
		tickets <- fmt.Sprintf("#%d %s", i+1, order)
	}
	close(tickets)
	for ticket := range tickets {
		fmt.Println(ticket)
	}
}
