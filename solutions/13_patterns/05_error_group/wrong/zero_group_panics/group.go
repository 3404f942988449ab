// Wrong: calls g.cancel without checking for nil, so an error in a zero Group (made without WithContext) panics.
// A small errgroup (like golang.org/x/sync/errgroup, written with the
// standard library only): run functions in goroutines, wait for them all,
// and let the first error cancel the context the others watch. As written,
// errors are dropped and nothing is ever cancelled.
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
	cancel context.CancelCauseFunc // nil in a zero Group

	once sync.Once // guards err: set once, by the first failing function
	err  error
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
			g.once.Do(func() {
				g.err = err
				g.cancel(err)
			})
		}
	})
}

// Wait waits until every function started with Go has returned, then
// returns the first non-nil error they returned, if any.
func (g *Group) Wait() error {
	g.wg.Wait() // also makes g.err, written by another goroutine, safe to read
	if g.cancel != nil {
		g.cancel(g.err) // releases the context; a no-op if already cancelled
	}
	return g.err
}
