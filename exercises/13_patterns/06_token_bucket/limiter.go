// A token bucket limits a rate while allowing short bursts: the bucket holds
// up to burst tokens, gains one every `every`, and each event takes one.
// As written, the Limiter lets everything through. Make it count tokens,
// from the time that has passed: no goroutine, no ticker.
package ratelimit

import (
	"context"
	"time"
)

// Limiter is a token bucket. Its methods are safe for concurrent use.
type Limiter struct {
	every time.Duration // one new token per every
	burst int           // the bucket's size
	// TODO: the tokens in the bucket, and what you need to refill it.
}

// New returns a Limiter whose bucket holds burst tokens, starts full, and
// gains one token every `every` (as long as it is not full).
func New(every time.Duration, burst int) *Limiter {
	return &Limiter{every: every, burst: burst}
}

// Allow takes a token if there is one now, and reports whether it did.
func (l *Limiter) Allow() bool {
	// TODO
	return true
}

// Wait takes a token, waiting until there is one. It gives up only when
// ctx ends, returning ctx.Err() without taking a token.
func (l *Limiter) Wait(ctx context.Context) error {
	// TODO
	return nil
}
