// A slow dependency must not make our callers wait forever. Fetch and
// FetchBy call lookup (a legacy client that takes no context) but give up
// after a timeout or at a deadline: use context.WithTimeout and
// context.WithDeadline, run lookup in a goroutine, and select.
package fetch

import (
	"context"
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
	// TODO: give up after timeout, or when ctx ends.
	return lookup(key)
}

// FetchBy is Fetch with a deadline (a point in time) instead of a timeout.
func FetchBy(ctx context.Context, deadline time.Time, key string, lookup func(key string) (string, error)) (string, error) {
	// TODO: give up at deadline, or when ctx ends.
	return lookup(key)
}
