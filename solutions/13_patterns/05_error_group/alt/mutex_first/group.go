// Alt: the first error is recorded under a sync.Mutex (checked for nil) instead of a sync.Once.
package group

import (
	"context"
	"sync"
)

// Group runs functions in goroutines and collects the first error.
//
// The zero Group is ready to use; it has no context, so an error cancels
// nothing, but Wait still returns the first error.
type Group struct {
	wg     sync.WaitGroup
	mu     sync.Mutex
	err    error
	cancel context.CancelCauseFunc
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
		if err := f(); err != nil {
			g.fail(err)
		}
	})
}

// fail records err if it is the first error, and cancels the context.
func (g *Group) fail(err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.err != nil {
		return
	}
	g.err = err
	if g.cancel != nil {
		g.cancel(err)
	}
}

// Wait waits until every function started with Go has returned, then
// returns the first non-nil error they returned, if any.
func (g *Group) Wait() error {
	g.wg.Wait()
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.cancel != nil {
		g.cancel(g.err)
	}
	return g.err
}
