// Layers WithCancelCause under WithTimeoutCause and waits for the abort watcher with wg.Go before returning.
package budget

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// ErrBudget is the cause when work runs out of its time budget.
var ErrBudget = errors.New("time budget exhausted")

// Run calls work with a context that ends when the first of these happens:
//
//   - ctx ends (then the cause is ctx's own cause);
//   - budget has passed (the cause is ErrBudget);
//   - an error arrives on abort (the cause is that error).
//
// If work returns an error after its context has ended, Run returns the
// cause (wrapped or as is), so that errors.Is tells the caller why the work
// stopped. Otherwise Run returns what work returned. Run leaves no goroutine
// behind. abort may be nil (it then never fires).
func Run(ctx context.Context, budget time.Duration, abort <-chan error, work func(context.Context) error) error {
	aborted, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	wctx, stop := context.WithTimeoutCause(aborted, budget, ErrBudget)
	defer stop()

	var wg sync.WaitGroup
	defer wg.Wait() // runs before cancel: the watcher is told to stop by done below
	done := make(chan struct{})
	defer close(done)
	wg.Go(func() {
		select {
		case err := <-abort:
			cancel(err)
		case <-done:
		}
	})

	err := work(wctx)
	if err != nil && wctx.Err() != nil {
		return fmt.Errorf("work stopped: %w", context.Cause(wctx))
	}
	return err
}
