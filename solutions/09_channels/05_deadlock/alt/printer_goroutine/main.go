// Moves the receiving loop into a printer goroutine and waits for it on a done channel.
package main

import (
	"fmt"
	"os"
)

func main() {
	orders := os.Args[1:]
	tickets := make(chan string)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for ticket := range tickets {
			fmt.Println(ticket)
		}
	}()
	for i, order := range orders {
		tickets <- fmt.Sprintf("#%d %s", i+1, order)
	}
	close(tickets)
	<-done
}
