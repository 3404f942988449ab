// Wrong: closes the channel when ctx is done, to release the worker. A
// send on a closed channel panics, so the first timed-out lookup crashes
// the whole program when it finishes.
// Exercise: goroutine leaks.
// Every request that times out leaves a goroutine behind, blocked forever;
// under load the service slowly runs out of memory. Fix Stock so that its
// worker goroutine can always finish, while Stock still returns as soon as
// ctx is done.
package stock

import "context"

// LookupFunc asks the legacy warehouse service for the stock of a SKU. It
// takes no context: once started, it runs until the service answers.
type LookupFunc func(sku string) (int, error)

// Stock returns the stock of sku as reported by lookup, or ctx's error as
// soon as ctx is done. A lookup still running then may finish in the
// background, but nothing may stay blocked once it has.
func Stock(ctx context.Context, sku string, lookup LookupFunc) (int, error) {
	type result struct {
		n   int
		err error
	}
	ch := make(chan result)
	go func() {
		n, err := lookup(sku)
		ch <- result{n, err}
	}()
	select {
	case r := <-ch:
		return r.n, r.err
	case <-ctx.Done():
		close(ch) // "release" the worker
		return 0, ctx.Err()
	}
}
