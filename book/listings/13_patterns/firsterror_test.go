package patterns

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// ANCHOR: firsterror
// profilePage loads two parts of a page at once. If one fails, the other
// is no longer worth finishing: the first error cancels the context both
// use, with itself as the cause, and is the error returned.
func profilePage(ctx context.Context, user, orders func(context.Context) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	var wg sync.WaitGroup
	for _, load := range []func(context.Context) error{user, orders} {
		wg.Go(func() {
			if err := load(ctx); err != nil {
				cancel(err) // only the first call sets the cause
			}
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return context.Cause(ctx) // the first error, or the caller's cancellation
	}
	return nil
}

// ANCHOR_END: firsterror

func Example_profilePage() {
	errNoUser := errors.New("user not found")
	user := func(context.Context) error { return errNoUser }
	orders := func(ctx context.Context) error {
		select {
		case <-time.After(time.Hour): // slow, but stops when told to
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	start := time.Now()
	err := profilePage(context.Background(), user, orders)
	fmt.Println(err, time.Since(start) < time.Minute)
	// Output: user not found true
}
