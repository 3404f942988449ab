// Close does not stop the context.AfterFunc callbacks: a callback that runs
// after Close finds its subscriber gone from the map and does nothing.
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
	mu     sync.Mutex
	subs   map[chan T]struct{}
	closed bool
}

// NewBroker returns a Broker with no subscribers.
func NewBroker[T any]() *Broker[T] {
	return &Broker[T]{subs: map[chan T]struct{}{}}
}

// Subscribe returns a channel that receives every message published from
// now on, with room for buffer messages waiting to be read. The
// subscription ends when ctx ends or the broker is closed: the channel is
// then closed, and the broker keeps nothing of it (no goroutine either).
func (b *Broker[T]) Subscribe(ctx context.Context, buffer int) <-chan T {
	ch := make(chan T, buffer)
	if ctx.Err() != nil {
		close(ch)
		return ch
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		close(ch)
		return ch
	}
	b.subs[ch] = struct{}{}
	context.AfterFunc(ctx, func() { b.unsubscribe(ch) })
	return ch
}

func (b *Broker[T]) unsubscribe(ch chan T) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.subs[ch]; !ok {
		return // Close got there first
	}
	delete(b.subs, ch)
	close(ch)
}

// Publish delivers msg to every current subscriber that has room for it
// and returns how many received it. A subscriber whose buffer is full
// misses the message: Publish never waits.
func (b *Broker[T]) Publish(msg T) (n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- msg:
			n++
		default:
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
	b.closed = true
	for ch := range b.subs {
		close(ch)
	}
	clear(b.subs)
}
