// Fetch delegates to FetchBy with now+timeout; one helper named run does the goroutine and select.
package fetch

import (
	"context"
	"fmt"
	"time"
)

type result struct {
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
	return FetchBy(ctx, time.Now().Add(timeout), key, lookup)
}

// FetchBy is Fetch with a deadline (a point in time) instead of a timeout.
func FetchBy(ctx context.Context, deadline time.Time, key string, lookup func(key string) (string, error)) (string, error) {
	ctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	return run(ctx, key, lookup)
}

func run(ctx context.Context, key string, lookup func(string) (string, error)) (string, error) {
	ch := make(chan result, 1)
	go func() {
		v, err := lookup(key)
		ch <- result{v, err}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			return "", fmt.Errorf("lookup %q: %w", key, r.err)
		}
		return r.value, nil
	case <-ctx.Done():
		return "", fmt.Errorf("lookup %q: %w", key, ctx.Err())
	}
}
