// Wrong: derives the timeout from context.Background() instead of ctx, so the
// caller's cancellation and sooner deadline are ignored.
package fetch

import (
	"context"
	"fmt"
	"time"
)

type answer struct {
	value string
	err   error
}

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
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return wait(ctx, key, lookup)
}

// FetchBy is Fetch with a deadline (a point in time) instead of a timeout.
func FetchBy(ctx context.Context, deadline time.Time, key string, lookup func(key string) (string, error)) (string, error) {
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()
	return wait(ctx, key, lookup)
}

func wait(ctx context.Context, key string, lookup func(string) (string, error)) (string, error) {
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
		return a.value, nil
	case <-ctx.Done():
		return "", fmt.Errorf("lookup %q: %w", key, ctx.Err())
	}
}
