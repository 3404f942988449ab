// Derives the producer's context with context.WithCancelCause and reports the caller's ctx.Err() from a labelled loop.
package stream

import (
	"context"
	"errors"
)

var errTaken = errors.New("take: got enough values")

// Take starts produce in a new goroutine and returns the first n values it
// sends on out.
//
//   - produce must get a context derived from ctx, and that context must be
//     cancelled by the time Take returns, so the producer stops.
//   - If ctx is done before n values have arrived, Take returns the values
//     received so far and ctx.Err().
//
// produce sends until its context is done; it never closes out.
func Take(ctx context.Context, n int, produce func(ctx context.Context, out chan<- int)) ([]int, error) {
	child, cancel := context.WithCancelCause(ctx)
	defer cancel(errTaken)
	out := make(chan int)
	go produce(child, out)

	var got []int
	var err error
loop:
	for len(got) < n {
		select {
		case v := <-out:
			got = append(got, v)
		case <-ctx.Done():
			err = ctx.Err()
			break loop
		}
	}
	return got, err
}
