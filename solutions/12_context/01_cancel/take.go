// Take reads the first n values of a producer that would run forever, but
// never stops it (a goroutine leak) and ignores its caller's cancellation.
// Give the producer a context derived from ctx with context.WithCancel,
// cancel it when Take returns, and stop waiting when ctx is done.
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
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // whatever happens below, the producer is told to stop

	out := make(chan int)
	go produce(ctx, out)

	got := make([]int, 0, max(n, 0))
	for len(got) < n {
		select {
		case v := <-out:
			got = append(got, v)
		case <-ctx.Done():
			return got, ctx.Err()
		}
	}
	return got, nil
}
