// Wrong: Subscribe does not look at closed, so a subscription made after Close gets a channel that is never closed.
// A publish/subscribe broker: every message goes to every subscriber. As
// written, subscribers can never leave, a slow one blocks every publisher,
// and Close leaves subscribers waiting forever. Fix all three; watch for
// goroutines left behind (context.AfterFunc needs none until ctx ends).
package pubsub

import (
	"context"
	"sync"
)

// Broker delivers published messages to subscribers. Its methods are safe
// for concurrent use.
type Broker[T any] struct {
	mu     sync.Mutex             // guards subs and closed
	subs   map[chan T]func() bool // each subscriber's channel, and how to stop watching its ctx
	closed bool
}

// NewBroker returns a Broker with no subscribers.
func NewBroker[T any]() *Broker[T] {
	return &Broker[T]{subs: make(map[chan T]func() bool)}
}

// Subscribe returns a channel that receives every message published from
// now on, with room for buffer messages waiting to be read. The
// subscription ends when ctx ends or the broker is closed: the channel is
// then closed, and the broker keeps nothing of it (no goroutine either).
func (b *Broker[T]) Subscribe(ctx context.Context, buffer int) <-chan T {
	ch := make(chan T, buffer)
	b.mu.Lock()
	defer b.mu.Unlock()
	// AfterFunc runs leave in a goroutine of its own once ctx ends; until
	// then there is no goroutine at all. Its stop function cancels that,
	// for when the broker closes first.
	b.subs[ch] = context.AfterFunc(ctx, func() { b.leave(ch) })
	return ch
}

// leave ends one subscription, if it is still there.
func (b *Broker[T]) leave(ch chan T) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.subs[ch]; ok {
		delete(b.subs, ch)
		close(ch) // under the lock: no Publish can be sending on it
	}
}

// Publish delivers msg to every current subscriber that has room for it
// and returns how many received it. A subscriber whose buffer is full
// misses the message: Publish never waits.
func (b *Broker[T]) Publish(msg T) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for ch := range b.subs {
		select {
		case ch <- msg:
			n++
		default: // full: this subscriber misses msg
		}
	}
	return n
}

// Close ends every subscription, closing their channels. Afterwards,
// Publish delivers to nobody and Subscribe returns a closed channel. Close
// may be called more than once.
func (b *Broker[T]) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	b.closed = true
	for ch, stop := range b.subs {
		stop() // nothing to do any more when its ctx ends
		delete(b.subs, ch)
		close(ch)
	}
}
