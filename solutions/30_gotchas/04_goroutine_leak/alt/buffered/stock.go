// Gives the channel room for the one result, so that the send completes with nobody receiving.
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
	ch := make(chan result, 1) // the send never waits for a reader
	go func() {
		n, err := lookup(sku)
		ch <- result{n, err}
	}()
	select {
	case r := <-ch:
		return r.n, r.err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
