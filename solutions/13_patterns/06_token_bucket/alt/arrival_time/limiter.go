// Alt: no token count at all; the Limiter keeps the time at which the bucket will be full again (GCRA), and each event pushes it one interval later.
package ratelimit

import (
	"context"
	"sync"
	"time"
)

// Limiter is a token bucket. Its methods are safe for concurrent use.
type Limiter struct {
	every time.Duration // one new token per every
	burst int           // the bucket's size

	mu   sync.Mutex
	full time.Time // when the bucket is full again; in the past means full now
}

// New returns a Limiter whose bucket holds burst tokens, starts full, and
// gains one token every `every` (as long as it is not full).
func New(every time.Duration, burst int) *Limiter {
	return &Limiter{every: every, burst: burst}
}

// reserve takes a token if there is one at now. If there is none, it
// returns how long until there is one.
func (l *Limiter) reserve(now time.Time) (ok bool, wait time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	full := l.full
	if full.Before(now) {
		full = now
	}
	next := full.Add(l.every)
	// With the bucket empty, full is burst intervals away; taking one more
	// token would push it beyond that.
	if over := next.Sub(now) - time.Duration(l.burst)*l.every; over > 0 {
		return false, over
	}
	l.full = next
	return true, 0
}

// Allow takes a token if there is one now, and reports whether it did.
func (l *Limiter) Allow() bool {
	ok, _ := l.reserve(time.Now())
	return ok
}

// Wait takes a token, waiting until there is one. It gives up only when
// ctx ends, returning ctx.Err() without taking a token.
func (l *Limiter) Wait(ctx context.Context) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		ok, wait := l.reserve(time.Now())
		if ok {
			return nil
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
	}
}
