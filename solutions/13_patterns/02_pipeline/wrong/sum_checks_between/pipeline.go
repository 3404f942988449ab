// Wrong: Sum ranges over in and checks ctx.Err() between values, so it stays blocked while in is silent and ctx ends.
// A pipeline: stages joined by channels, each running in its own goroutine.
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
		defer close(out) // the stage owns out: it alone closes it
		for {
			// Waiting to receive: also watch ctx, or a stalled upstream
			// keeps this goroutine forever.
			var v int
			select {
			case n, ok := <-in:
				if !ok {
					return
				}
				v = n
			case <-ctx.Done():
				return
			}
			// Waiting to send: also watch ctx, or a consumer that stopped
			// reading keeps this goroutine forever.
			select {
			case out <- v * v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// Sum adds up the values it receives from in until in is closed, and
// returns the total. If ctx ends first, Sum returns at once with ctx.Err().
func Sum(ctx context.Context, in <-chan int) (int, error) {
	total := 0
	for v := range in {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		total += v
	}
	return total, nil
}
