// Collects in a helper named collect with a preallocated slice; the caller's ctx is checked first in each pass.
package stream

import "context"

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
	pctx, stop := context.WithCancel(ctx)
	defer stop()
	out := make(chan int)
	go produce(pctx, out)
	return collect(ctx, n, out)
}

func collect(ctx context.Context, n int, out <-chan int) ([]int, error) {
	got := make([]int, 0, max(n, 0))
	for len(got) < n {
		if err := ctx.Err(); err != nil {
			return got, err
		}
		select {
		case <-ctx.Done():
			return got, ctx.Err()
		case v := <-out:
			got = append(got, v)
		}
	}
	return got, nil
}
