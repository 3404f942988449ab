// Alt: the first failing goroutine claims the error slot with atomic.Bool.CompareAndSwap, and Wait releases the context with a plain cancel.
package group

import (
	"context"
	"sync"
	"sync/atomic"
)

// Group runs functions in goroutines and collects the first error.
//
// The zero Group is ready to use; it has no context, so an error cancels
// nothing, but Wait still returns the first error.
type Group struct {
	wg      sync.WaitGroup
	claimed atomic.Bool
	err     error // written once, by the goroutine that claimed it
	cancel  func(error)
}

// WithContext returns a new Group and a context derived from ctx. The
// context is cancelled, with the error as its cause (context.Cause), the
// first time a function of the group returns an error; and at the latest
// when Wait returns.
func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancelCause(ctx)
	return &Group{cancel: cancel}, ctx
}

// Go runs f in a new goroutine, at once.
func (g *Group) Go(f func() error) {
	g.wg.Go(func() {
		err := f()
		if err == nil || !g.claimed.CompareAndSwap(false, true) {
			return
		}
		g.err = err
		if g.cancel != nil {
			g.cancel(err)
		}
	})
}

// Wait waits until every function started with Go has returned, then
// returns the first non-nil error they returned, if any.
func (g *Group) Wait() error {
	g.wg.Wait()
	if g.cancel != nil {
		g.cancel(nil) // a no-op when an error already cancelled it
	}
	return g.err
}
