// One WithCancelCause context, cancelled with ErrBudget by a time.AfterFunc instead of WithTimeoutCause; Run waits for its abort watcher.
package budget

import (
	"context"
	"errors"
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
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	timer := time.AfterFunc(budget, func() { cancel(ErrBudget) })
	defer timer.Stop()

	watching := make(chan struct{})
	go func() {
		defer close(watching)
		select {
		case err := <-abort:
			cancel(err)
		case <-ctx.Done():
		}
	}()

	err := work(ctx)
	ended := ctx.Err() != nil
	cancel(nil) // stops the watcher if nothing else has
	<-watching
	if err != nil && ended {
		return context.Cause(ctx)
	}
	return err
}
