// Wrong: sends from a goroutine but never closes the channel, so after the
// last ticket the range loop waits forever: a deadlock at the end instead.
package main

import (
	"fmt"
	"os"
)

func main() {
	orders := os.Args[1:]
	tickets := make(chan string)
	go func() {
		for i, order := range orders {
			tickets <- fmt.Sprintf("#%d %s", i+1, order)
		}
	}()
	for ticket := range tickets {
		fmt.Println(ticket)
	}
}
