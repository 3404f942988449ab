// Alt: the bucket holds earned time (a Duration capped at burst intervals) instead of whole tokens, guarded by a one-slot channel used as a lock.
package ratelimit

import (
	"context"
	"time"
)

// Limiter is a token bucket. Its methods are safe for concurrent use.
type Limiter struct {
	every time.Duration // one new token per every
	burst int           // the bucket's size

	lock   chan struct{} // holding its one slot is holding the lock
	credit time.Duration // earned time; every of it is one token
	last   time.Time     // when credit was last brought up to date
}

// New returns a Limiter whose bucket holds burst tokens, starts full, and
// gains one token every `every` (as long as it is not full).
func New(every time.Duration, burst int) *Limiter {
	return &Limiter{
		every:  every,
		burst:  burst,
		lock:   make(chan struct{}, 1),
		credit: time.Duration(burst) * every,
		last:   time.Now(),
	}
}

// take spends one token's worth of credit if there is enough; otherwise it
// returns how long until there is.
func (l *Limiter) take() (bool, time.Duration) {
	l.lock <- struct{}{}
	defer func() { <-l.lock }()

	now := time.Now()
	l.credit = min(l.credit+now.Sub(l.last), time.Duration(l.burst)*l.every)
	l.last = now
	if l.credit >= l.every {
		l.credit -= l.every
		return true, 0
	}
	return false, l.every - l.credit
}

// Allow takes a token if there is one now, and reports whether it did.
func (l *Limiter) Allow() bool {
	ok, _ := l.take()
	return ok
}

// Wait takes a token, waiting until there is one. It gives up only when
// ctx ends, returning ctx.Err() without taking a token.
func (l *Limiter) Wait(ctx context.Context) error {
	for {
		ok, wait := l.take()
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
