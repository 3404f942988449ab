// Uses a time.Timer next to ctx.Done() instead of a derived context, and wraps context.DeadlineExceeded itself.
package fetch

import (
	"context"
	"fmt"
	"time"
)

// Fetch calls lookup(key) and waits at most timeout for its answer.
//
//   - If lookup answers in time, Fetch returns its value, or its error
//     wrapped with %w.
//   - If the timeout passes first, Fetch returns at once with an error that
//     wraps context.DeadlineExceeded.
//   - If ctx ends first (cancelled, or its own deadline comes sooner), Fetch
//     returns at once with an error that wraps ctx.Err().
//
// lookup cannot be stopped: it may answer after Fetch has given up, and the
// goroutine running it must then be able to exit.
func Fetch(ctx context.Context, timeout time.Duration, key string, lookup func(key string) (string, error)) (string, error) {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	return wait(ctx, timer.C, key, lookup)
}

// FetchBy is Fetch with a deadline (a point in time) instead of a timeout.
func FetchBy(ctx context.Context, deadline time.Time, key string, lookup func(key string) (string, error)) (string, error) {
	timer := time.NewTimer(time.Until(deadline))
	defer timer.Stop()
	return wait(ctx, timer.C, key, lookup)
}

func wait(ctx context.Context, expired <-chan time.Time, key string, lookup func(string) (string, error)) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", fmt.Errorf("lookup %q: %w", key, err)
	}
	type answer struct {
		v   string
		err error
	}
	answers := make(chan answer, 1)
	go func() {
		v, err := lookup(key)
		answers <- answer{v, err}
	}()
	select {
	case a := <-answers:
		if a.err != nil {
			return "", fmt.Errorf("lookup %q: %w", key, a.err)
		}
		return a.v, nil
	case <-expired:
		return "", fmt.Errorf("lookup %q: %w", key, context.DeadlineExceeded)
	case <-ctx.Done():
		return "", fmt.Errorf("lookup %q: %w", key, ctx.Err())
	}
}
