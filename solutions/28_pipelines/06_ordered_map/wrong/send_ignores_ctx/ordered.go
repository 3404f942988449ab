// Wrong: sends each result on out without watching ctx, so when nobody
// reads out any more, cancelling ctx does not stop Map.
package ordered

import (
	"context"
	"sync"
)

// Map reads values from in until it is closed, calls fn on each, and sends
// each result to out, in the order the values came from in. Up to workers
// calls of fn run at the same time (never more). Map does not race ahead
// of a slow consumer: it holds at most workers+2 values taken from in
// whose results are not yet sent to out. Map does not close out.
//
// The first error from fn stops Map: it sends no result from that value
// on, cancels the ctx the running calls see, and returns the error. If ctx
// ends first, Map returns ctx.Err(). Map returns nil once in is closed and
// every result is sent. In every case it returns only after every call of
// fn it started has returned.
func Map[T, R any](ctx context.Context, in <-chan T, out chan<- R, workers int, fn func(context.Context, T) (R, error)) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	type result struct {
		val R
		err error
	}
	// pending holds one future per value, in input order: at most workers.
	pending := make(chan chan result, workers)
	sem := make(chan struct{}, workers) // one slot per running call
	var wg sync.WaitGroup

	wg.Go(func() { // take values, start calls
		defer close(pending)
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
			fut := make(chan result, 1) // the call never blocks on it
			select {
			case pending <- fut:
			case <-ctx.Done():
				return
			}
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			wg.Go(func() {
				defer func() { <-sem }()
				r, err := fn(ctx, v)
				fut <- result{r, err}
			})
		}
	})

	// Send the results in order.
send:
	for fut := range pending {
		select {
		case r := <-fut:
			if r.err != nil {
				cancel(r.err)
				break send
			}
			out <- r.val
		case <-ctx.Done():
			break send
		}
	}
	wg.Wait()
	return context.Cause(ctx)
}
