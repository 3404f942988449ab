// Alt: Square is one instance of a generic stage helper that applies a function, and Sum collects with a receive helper returning (value, more).
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
	return stage(ctx, in, func(v int) int { return v * v })
}

// stage sends f of every value received from in on its output, closing the
// output when in is closed or ctx ends.
func stage[T, U any](ctx context.Context, in <-chan T, f func(T) U) <-chan U {
	out := make(chan U)
	go func() {
		defer close(out)
		for {
			v, more := receive(ctx, in)
			if !more {
				return
			}
			select {
			case out <- f(v):
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// receive waits for the next value of in; more is false when in is closed
// or ctx has ended.
func receive[T any](ctx context.Context, in <-chan T) (v T, more bool) {
	select {
	case v, more = <-in:
		return v, more
	case <-ctx.Done():
		return v, false
	}
}

// Sum adds up the values it receives from in until in is closed, and
// returns the total. If ctx ends first, Sum returns at once with ctx.Err().
func Sum(ctx context.Context, in <-chan int) (int, error) {
	total := 0
	for {
		v, more := receive(ctx, in)
		if !more {
			break
		}
		total += v
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return total, nil
}
