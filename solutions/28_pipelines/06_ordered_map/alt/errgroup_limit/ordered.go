// Alternative: errgroup.Group with SetLimit(workers) bounds the running
// calls and cancels its context on the first error; a channel of per-value
// result channels keeps the input order.
package ordered

import (
	"context"

	"golang.org/x/sync/errgroup"
)

// Map applies fn to the values of in with up to workers calls at once and
// sends the results to out in input order.
func Map[T, R any](ctx context.Context, in <-chan T, out chan<- R, workers int, fn func(context.Context, T) (R, error)) error {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	futures := make(chan chan R, workers)
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		defer close(futures)
		for {
			select {
			case <-gctx.Done():
				return
			case v, ok := <-in:
				if !ok {
					return
				}
				f := make(chan R, 1)
				select {
				case futures <- f:
				case <-gctx.Done():
					return
				}
				g.Go(func() error {
					r, err := fn(gctx, v)
					if err != nil {
						return err
					}
					f <- r
					return nil
				})
			}
		}
	}()
	stopped := false
	for f := range futures {
		if stopped {
			continue // drain, so the reader is never stuck
		}
		select {
		case r := <-f:
			select {
			case out <- r:
			case <-gctx.Done():
				stopped = true
			}
		case <-gctx.Done():
			stopped = true
		}
	}
	<-readerDone
	if err := g.Wait(); err != nil {
		return err
	}
	return ctx.Err()
}
