// Alternative: an explicit state (closed, open, half-open) with the moment
// the circuit may be tried again, and two small steps: allow before f,
// record after it.
package breaker

import (
	"errors"
	"sync"
	"time"
)

var ErrOpen = errors.New("breaker: circuit open")

type state int

const (
	closed state = iota
	open
	halfOpen // a trial is running
)

type Breaker struct {
	threshold int
	coolDown  time.Duration

	mu      sync.Mutex
	state   state
	fails   int
	retryAt time.Time
}

func New(threshold int, coolDown time.Duration) *Breaker {
	return &Breaker{threshold: threshold, coolDown: coolDown}
}

func (b *Breaker) Call(f func() error) error {
	trial, ok := b.allow()
	if !ok {
		return ErrOpen
	}
	err := f()
	b.record(trial, err)
	return err
}

// allow says whether a call may run, and whether it is the trial.
func (b *Breaker) allow() (trial, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch b.state {
	case closed:
		return false, true
	case open:
		if time.Now().Before(b.retryAt) {
			return false, false
		}
		b.state = halfOpen
		return true, true
	default: // halfOpen: someone else is trying
		return false, false
	}
}

func (b *Breaker) record(trial bool, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if trial {
		if err == nil {
			b.state, b.fails = closed, 0
		} else {
			b.trip()
		}
		return
	}
	if b.state != closed {
		return
	}
	if err == nil {
		b.fails = 0
		return
	}
	if b.fails++; b.fails >= b.threshold {
		b.trip()
	}
}

func (b *Breaker) trip() {
	b.state = open
	b.retryAt = time.Now().Add(b.coolDown)
}
