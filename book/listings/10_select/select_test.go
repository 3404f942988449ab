package selecting

import (
	"fmt"
	"testing"
	"testing/synctest"
	"time"
)

// ANCHOR: after
func Example_timeout() {
	replies := make(chan string) // this server never answers
	select {
	case r := <-replies:
		fmt.Println("reply:", r)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timed out")
	}
	// Output: timed out
}

// ANCHOR_END: after

// ANCHOR: timer
// waitSaved waits up to limit for a "saved" event, with a Timer instead of
// time.After: Stop releases it as soon as the wait is over.
func waitSaved(events <-chan string, limit time.Duration) bool {
	timer := time.NewTimer(limit)
	defer timer.Stop()
	for {
		select {
		case e := <-events:
			if e == "saved" {
				return true
			}
			// Reset restarts the countdown. Since Go 1.23 it also throws
			// away a tick not yet received: no need to drain timer.C.
			timer.Reset(limit)
		case <-timer.C:
			return false
		}
	}
}

func Example_timer() {
	events := make(chan string, 2)
	events <- "typing"
	events <- "saved"
	fmt.Println(waitSaved(events, time.Hour))
	fmt.Println(waitSaved(make(chan string), time.Millisecond))
	// Output:
	// true
	// false
}

// ANCHOR_END: timer

// ANCHOR: done
// poll works until done is closed. Both places where it can wait are
// selects with a done case, so closing done stops it wherever it is.
func poll(done <-chan struct{}, jobs <-chan int, results chan<- int) {
	for {
		select {
		case <-done:
			return
		case j := <-jobs:
			select {
			case results <- j * 10:
			case <-done:
				return
			}
		}
	}
}

func Example_done() {
	done := make(chan struct{})
	jobs := make(chan int)
	results := make(chan int)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		poll(done, jobs, results)
	}()

	jobs <- 4
	fmt.Println(<-results)
	close(done) // every goroutine watching done sees it, now and later
	<-stopped
	fmt.Println("worker stopped")
	// Output:
	// 40
	// worker stopped
}

// ANCHOR_END: done

// ANCHOR: default
func Example_default() {
	alerts := make(chan string, 1)
	trySend := func(a string) bool {
		select {
		case alerts <- a:
			return true
		default: // the send would wait: give up instead
			return false
		}
	}
	fmt.Println(trySend("disk full"), trySend("cpu hot"))

	for range 2 {
		select {
		case a := <-alerts:
			fmt.Println("got", a)
		default: // nothing waiting: do not wait either
			fmt.Println("nothing")
		}
	}
	// Output:
	// true false
	// got disk full
	// nothing
}

// ANCHOR_END: default

// ANCHOR: nil
func Example_closedAndNil() {
	closed := make(chan int)
	close(closed)
	var off chan int // nil

	for range 2 {
		select {
		case v, ok := <-closed: // a closed channel is always ready
			fmt.Println("closed:", v, ok)
		case <-off: // a nil channel never is
			fmt.Println("never printed")
		}
	}
	// Output:
	// closed: 0 false
	// closed: 0 false
}

// ANCHOR_END: nil

// ANCHOR: sum
// sumBoth adds up everything from two channels, until both are closed. A
// closed input is set to nil, which takes its case out of the select.
func sumBoth(a, b <-chan int) int {
	total := 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			total += v
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			total += v
		}
	}
	return total
}

func Example_sumBoth() {
	a, b := make(chan int), make(chan int)
	go func() {
		defer close(a)
		a <- 1
		a <- 2
	}()
	go func() {
		defer close(b)
		b <- 30
	}()
	fmt.Println(sumBoth(a, b))
	// Output: 33
}

// ANCHOR_END: sum

// ANCHOR: ticker
func Example_ticker() {
	ticker := time.NewTicker(time.Millisecond)
	defer ticker.Stop() // no more ticks once we are done
	for i := 1; i <= 3; i++ {
		<-ticker.C
		fmt.Println("tick", i)
	}
	// Output:
	// tick 1
	// tick 2
	// tick 3
}

// ANCHOR_END: ticker

// ANCHOR: synctest
// Inside a synctest bubble the clock is fake: it jumps forward whenever
// every goroutine of the bubble is waiting, so three minutes of ticks take
// microseconds, and the times are exact.
func TestTickerFakeTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		ticker := time.NewTicker(time.Minute)
		defer ticker.Stop()
		time.Sleep(30 * time.Second) // slow work between ticks does not shift them
		for range 3 {
			<-ticker.C
		}
		if got := time.Since(start); got != 3*time.Minute {
			t.Errorf("three ticks took %v, want exactly 3m0s", got)
		}
	})
}

// ANCHOR_END: synctest
