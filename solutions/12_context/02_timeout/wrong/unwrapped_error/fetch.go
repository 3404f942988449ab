// Wrong: on timeout it returns a new error ("timed out") that does not wrap
// ctx.Err(), so callers cannot check errors.Is(err, context.DeadlineExceeded).
// A slow dependency must not make our callers wait forever. Fetch and
// FetchBy call lookup (a legacy client that takes no context) but give up
// after a timeout or at a deadline: use context.WithTimeout and
// context.WithDeadline, run lookup in a goroutine, and select.
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
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel() // releases the timer as soon as we are done
	return call(ctx, key, lookup)
}

// FetchBy is Fetch with a deadline (a point in time) instead of a timeout.
func FetchBy(ctx context.Context, deadline time.Time, key string, lookup func(key string) (string, error)) (string, error) {
	ctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	return call(ctx, key, lookup)
}

// call runs lookup in a goroutine and waits for its answer or for ctx.
func call(ctx context.Context, key string, lookup func(string) (string, error)) (string, error) {
	type answer struct {
		value string
		err   error
	}
	// Buffered: if we have stopped listening, the late answer goes into the
	// buffer and the goroutine exits instead of blocking forever.
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
		return "", fmt.Errorf("lookup %q: timed out", key)
	}
}
