// Wrong: a pool of workers that each send their result as soon as it is
// ready: concurrent and bounded, but results come out in the order the
// calls finish, not the order of the input.
package ordered

import (
	"context"
	"sync"
)

// Map applies fn to the values of in with up to workers calls at once.
func Map[T, R any](ctx context.Context, in <-chan T, out chan<- R, workers int, fn func(context.Context, T) (R, error)) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				var v T
				select {
				case x, ok := <-in:
					if !ok {
						return
					}
					v = x
				case <-ctx.Done():
					return
				}
				r, err := fn(ctx, v)
				if err != nil {
					cancel(err)
					return
				}
				select {
				case out <- r:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	wg.Wait()
	return context.Cause(ctx)
}
