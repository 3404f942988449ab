// Wrong: builds the cancellable context from context.Background() instead of
// ctx, so the caller's cancellation and its cause never reach work.
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
	_ = ctx
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	ctx, stop := context.WithTimeoutCause(ctx, budget, ErrBudget)
	defer stop()

	go func() {
		select {
		case err := <-abort:
			cancel(err)
		case <-ctx.Done():
		}
	}()

	if err := work(ctx); err != nil {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		return err
	}
	return nil
}
