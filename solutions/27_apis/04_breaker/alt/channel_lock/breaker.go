// Alternative: a one-slot channel serves as the lock, and a second one-slot
// channel is the single trial ticket of the half-open state.
package breaker

import (
	"errors"
	"time"
)

var ErrOpen = errors.New("breaker: circuit open")

type Breaker struct {
	threshold int
	coolDown  time.Duration

	lock     chan struct{}
	ticket   chan struct{}
	failures int
	isOpen   bool
	since    time.Time
}

func New(threshold int, coolDown time.Duration) *Breaker {
	b := &Breaker{
		threshold: threshold,
		coolDown:  coolDown,
		lock:      make(chan struct{}, 1),
		ticket:    make(chan struct{}, 1),
	}
	b.ticket <- struct{}{}
	return b
}

func (b *Breaker) Call(f func() error) error {
	b.lock <- struct{}{}
	wasOpen := b.isOpen
	if wasOpen {
		if time.Since(b.since) < b.coolDown {
			<-b.lock
			return ErrOpen
		}
		select {
		case <-b.ticket: // we are the trial
		default:
			<-b.lock
			return ErrOpen
		}
	}
	<-b.lock

	err := f()

	b.lock <- struct{}{}
	defer func() { <-b.lock }()
	if wasOpen {
		b.ticket <- struct{}{}
		if err == nil {
			b.isOpen, b.failures = false, 0
		} else {
			b.since = time.Now()
		}
		return err
	}
	if b.isOpen {
		return err
	}
	if err != nil {
		b.failures++
	} else {
		b.failures = 0
	}
	if b.failures >= b.threshold {
		b.isOpen, b.since = true, time.Now()
	}
	return err
}
