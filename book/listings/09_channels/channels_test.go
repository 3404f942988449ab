package channels

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

// ANCHOR: guide
func Example_hello() {
	messages := make(chan string) // unbuffered

	go func() {
		messages <- "Hello" // waits until main receives
	}()

	msg := <-messages // waits until the goroutine sends
	fmt.Println(msg)
	// Output: Hello
}

// ANCHOR_END: guide

// ANCHOR: result
// quote is what a slow pricing service answers.
type quote struct {
	price int
	err   error
}

func fetchPrice(item string) (int, error) {
	if item == "" {
		return 0, errors.New("no item")
	}
	return 100 * len(item), nil
}

func Example_result() {
	quotes := make(chan quote) // carries the goroutine's result, error included

	go func() {
		p, err := fetchPrice("lamp")
		quotes <- quote{p, err}
	}()

	shipping := 5 // meanwhile, other work in this goroutine

	q := <-quotes // the receive waits for the send: no sleep, no race
	if q.err != nil {
		fmt.Println("error:", q.err)
		return
	}
	fmt.Println("total:", q.price+shipping)
	// Output: total: 405
}

// ANCHOR_END: result

// ANCHOR: buffered
func Example_buffered() {
	jobs := make(chan string, 3) // room for 3 values

	jobs <- "resize"
	jobs <- "upload" // no receiver yet, and no waiting: there is room
	fmt.Println("len", len(jobs), "cap", cap(jobs))

	fmt.Println(<-jobs) // first in, first out
	fmt.Println("len", len(jobs), "cap", cap(jobs))
	// Output:
	// len 2 cap 3
	// resize
	// len 1 cap 3
}

// ANCHOR_END: buffered

// ANCHOR: close
func Example_close() {
	ch := make(chan int, 2)
	ch <- 1
	close(ch) // no more values will come; the one in the buffer stays

	v, ok := <-ch
	fmt.Println(v, ok) // a real value
	v, ok = <-ch
	fmt.Println(v, ok) // closed and drained: the zero value, at once
	// Output:
	// 1 true
	// 0 false
}

// ANCHOR_END: close

// ANCHOR: range
func Example_range() {
	squares := make(chan int)
	go func() {
		defer close(squares) // the sender closes, after its last send
		for i := 1; i <= 3; i++ {
			squares <- i * i
		}
	}()
	for s := range squares { // receives until squares is closed
		fmt.Println(s)
	}
	// Output:
	// 1
	// 4
	// 9
}

// ANCHOR_END: range

// ANCHOR: owner
// scanAll starts one goroutine per shard; all of them send on one channel.
// None of them can know whether it is the last, so none of them closes:
// a separate goroutine waits for all and closes once.
func scanAll(shards [][]string) <-chan string {
	found := make(chan string)
	var wg sync.WaitGroup
	for _, shard := range shards {
		wg.Go(func() {
			for _, key := range shard {
				if strings.HasPrefix(key, "user:") {
					found <- key
				}
			}
		})
	}
	go func() {
		wg.Wait()
		close(found)
	}()
	return found
}

func Example_owner() {
	n := 0
	for range scanAll([][]string{{"user:1", "post:1"}, {"user:2"}, {}}) {
		n++
	}
	fmt.Println(n, "users")
	// Output: 2 users
}

// ANCHOR_END: owner

// ANCHOR: panics
func Example_closePanics() {
	try := func(name string, f func()) {
		defer func() { fmt.Println(name+":", recover()) }()
		f()
	}
	ch := make(chan int, 1)
	close(ch)
	try("close again", func() { close(ch) })
	try("send", func() { ch <- 1 })
	// Output:
	// close again: close of closed channel
	// send: send on closed channel
}

// ANCHOR_END: panics

// ANCHOR: directions
// produce owns its channel: it makes it, sends on it, closes it, and hands
// out a receive-only view.
func produce(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := range n {
			out <- i
		}
	}()
	return out // chan int converts to <-chan int on its own
}

// double may only receive from in and only send on out.
func double(in <-chan int, out chan<- int) {
	defer close(out) // double is out's sender, so it closes it
	for v := range in {
		out <- 2 * v
	}
	// in <- 1    would not compile: send to receive-only channel
	// close(in)  would not compile: cannot close receive-only channel
}

func Example_directions() {
	out := make(chan int)
	go double(produce(3), out)
	for v := range out {
		fmt.Print(v, " ")
	}
	fmt.Println()
	// Output: 0 2 4
}

// ANCHOR_END: directions

// ANCHOR: fixes
func Example_deadlockFixes() {
	// Fix 1: a buffer with room for the value, so the send does not wait.
	ch1 := make(chan int, 1)
	ch1 <- 1
	fmt.Println(<-ch1)

	// Fix 2: send from another goroutine, so this one is free to receive.
	ch2 := make(chan int)
	go func() { ch2 <- 2 }()
	fmt.Println(<-ch2)
	// Output:
	// 1
	// 2
}

// ANCHOR_END: fixes
