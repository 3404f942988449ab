// Wrong: returns ctx.Err() instead of context.Cause(ctx): the caller only
// learns "context canceled" or "deadline exceeded", never why.
// "context canceled" does not say who cancelled or why. Run stops work for
// three different reasons; report which one with a cancellation cause: use
// context.WithCancelCause, context.WithTimeoutCause and context.Cause.
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
	defer cancel(nil) // nil: the cause is then context.Canceled
	ctx, stop := context.WithTimeoutCause(ctx, budget, ErrBudget)
	defer stop()

	go func() {
		select {
		case err := <-abort:
			cancel(err)
		case <-ctx.Done(): // Run has returned, or the work was stopped anyway
		}
	}()

	err := work(ctx)
	if err != nil && ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}
