// Wrong: on cancellation returns nil instead of the values received so far.
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
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	out := make(chan int)
	go produce(pctx, out)

	var got []int
	for len(got) < n {
		select {
		case v := <-out:
			got = append(got, v)
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return got, nil
}
