// Wrong: looks at ctx only before starting, then waits for the lookup however long it takes.
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
	// Room for one result: the worker's send never blocks, so it can
	// finish even when nobody is left to receive (Stock returned on
	// ctx.Done). The unread result is then garbage-collected with ch.
	ch := make(chan result, 1)
	go func() {
		n, err := lookup(sku)
		ch <- result{n, err}
	}()
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	r := <-ch
	return r.n, r.err
}
