// Wrong: Wait returns as soon as there is a token, without taking it.
// A token bucket limits a rate while allowing short bursts: the bucket holds
// up to burst tokens, gains one every `every`, and each event takes one.
// As written, the Limiter lets everything through. Make it count tokens,
// from the time that has passed: no goroutine, no ticker.
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

	mu     sync.Mutex // guards tokens and last
	tokens int        // whole tokens in the bucket
	last   time.Time  // tokens are counted up to this moment
}

// New returns a Limiter whose bucket holds burst tokens, starts full, and
// gains one token every `every` (as long as it is not full).
func New(every time.Duration, burst int) *Limiter {
	return &Limiter{every: every, burst: burst, tokens: burst, last: time.Now()}
}

// refill adds the tokens earned since l.last. l.mu must be held.
//
// It uses whole tokens and time.Duration arithmetic, so it is exact: the
// time towards the next token is kept by moving l.last forward by whole
// periods only. A full bucket earns nothing.
func (l *Limiter) refill(now time.Time) {
	if l.tokens < l.burst {
		n := int(now.Sub(l.last) / l.every)
		l.tokens = min(l.burst, l.tokens+n)
		l.last = l.last.Add(time.Duration(n) * l.every)
	}
	if l.tokens == l.burst {
		l.last = now
	}
}

// Allow takes a token if there is one now, and reports whether it did.
func (l *Limiter) Allow() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.refill(time.Now())
	if l.tokens == 0 {
		return false
	}
	l.tokens--
	return true
}

// Wait takes a token, waiting until there is one. It gives up only when
// ctx ends, returning ctx.Err() without taking a token.
func (l *Limiter) Wait(ctx context.Context) error {
	for {
		l.mu.Lock()
		now := time.Now()
		l.refill(now)
		if l.tokens > 0 {
			l.mu.Unlock()
			return nil
		}
		next := l.last.Add(l.every).Sub(now) // until the next token
		l.mu.Unlock()

		// Another waiter may take that token first: then loop and wait
		// for the one after.
		timer := time.NewTimer(next)
		select {
		case <-timer.C:
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		}
	}
}
