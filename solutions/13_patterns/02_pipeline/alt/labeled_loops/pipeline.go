// Alt: Square and Sum loop with a labelled break out of a select, testing the received ok flag with a switch.
// Generate shows the rules every stage follows: close your output when you
// are done, and stop (closing it) as soon as ctx ends, whether you are
// waiting to receive or to send. Make Square and Sum follow them too.
package pipeline

import "context"

// Generate sends nums on the returned channel, in order, then closes it. It
// stops early, closing the channel, when ctx ends.
func Generate(ctx context.Context, nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			select {
			case out <- n:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// Square sends the square of every value it receives from in, in order,
// and closes its output once in is closed. It stops early, closing its
// output, when ctx ends.
func Square(ctx context.Context, in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
	loop:
		for {
			var v int
			var ok bool
			select {
			case v, ok = <-in:
			case <-ctx.Done():
				break loop
			}
			if !ok {
				break loop
			}
			select {
			case out <- v * v:
			case <-ctx.Done():
				break loop
			}
		}
	}()
	return out
}

// Sum adds up the values it receives from in until in is closed, and
// returns the total. If ctx ends first, Sum returns at once with ctx.Err().
func Sum(ctx context.Context, in <-chan int) (int, error) {
	done := ctx.Done()
	total := 0
	for {
		select {
		case <-done:
			return 0, ctx.Err()
		case v, ok := <-in:
			if !ok {
				return total, nil
			}
			total += v
		}
	}
}
