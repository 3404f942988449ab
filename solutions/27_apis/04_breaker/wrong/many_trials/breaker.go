// Wrong: once the cool-down has passed, every call goes through until one of
// them finishes, instead of a single trial at a time.
package breaker

import (
	"errors"
	"sync"
	"time"
)

// ErrOpen is returned by Call, without running f, while the circuit is open.
var ErrOpen = errors.New("breaker: circuit open")

// Breaker is a circuit breaker. Its methods are safe for concurrent use.
type Breaker struct {
	threshold int
	coolDown  time.Duration

	mu       sync.Mutex
	failures int       // consecutive failures while closed
	open     bool      // open, or half-open once coolDown has passed
	openedAt time.Time // when it last opened
	trial    bool      // a half-open trial call is running
}

// New returns a closed Breaker that opens after threshold consecutive
// failures and allows a trial call coolDown after opening.
func New(threshold int, coolDown time.Duration) *Breaker {
	return &Breaker{threshold: threshold, coolDown: coolDown}
}

// Call runs f unless the circuit is open, and returns f's error, or ErrOpen.
func (b *Breaker) Call(f func() error) error {
	b.mu.Lock()
	isTrial := false
	if b.open {
		if time.Since(b.openedAt) < b.coolDown {
			b.mu.Unlock()
			return ErrOpen
		}
		b.trial = true // half-open: this call is the trial
		isTrial = true
	}
	b.mu.Unlock()

	err := f() // never with the lock held: calls run side by side

	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case isTrial && err == nil:
		b.open, b.trial, b.failures = false, false, 0
	case isTrial:
		b.trial = false
		b.openedAt = time.Now() // open again, for a whole coolDown
	case b.open:
		// A call started before the circuit opened: it changes nothing.
	case err == nil:
		b.failures = 0
	default:
		b.failures++
		if b.failures >= b.threshold {
			b.open = true
			b.openedAt = time.Now()
		}
	}
	return err
}
