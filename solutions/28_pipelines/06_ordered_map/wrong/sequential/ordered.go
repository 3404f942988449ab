// Wrong: calls fn one value at a time: in order, but never more than one
// call runs, so it is as slow as the sum of all the calls.
package ordered

import "context"

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
	for {
		select {
		case v, ok := <-in:
			if !ok {
				return nil
			}
			r, err := fn(ctx, v)
			if err != nil {
				return err
			}
			select {
			case out <- r:
			case <-ctx.Done():
				return ctx.Err()
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
