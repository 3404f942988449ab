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
	out := make(chan int)
	go produce(ctx, out)

	// TODO: stop the producer when Take returns, and stop waiting when ctx
	// is done.
	var got []int
	for len(got) < n {
		got = append(got, <-out)
	}
	return got, nil
}
