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
	mu   sync.Mutex // guards subs
	subs []chan T
}

// NewBroker returns a Broker with no subscribers.
func NewBroker[T any]() *Broker[T] {
	return &Broker[T]{}
}

// Subscribe returns a channel that receives every message published from
// now on, with room for buffer messages waiting to be read. The
// subscription ends when ctx ends or the broker is closed: the channel is
// then closed, and the broker keeps nothing of it (no goroutine either).
func (b *Broker[T]) Subscribe(ctx context.Context, buffer int) <-chan T {
	ch := make(chan T, buffer)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.subs = append(b.subs, ch)
	// TODO: end the subscription when ctx ends, or at once if the broker
	// is closed.
	return ch
}

// Publish delivers msg to every current subscriber that has room for it
// and returns how many received it. A subscriber whose buffer is full
// misses the message: Publish never waits.
func (b *Broker[T]) Publish(msg T) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, ch := range b.subs {
		ch <- msg // TODO: never wait
	}
	return len(b.subs)
}

// Close ends every subscription, closing their channels. Afterwards,
// Publish delivers to nobody and Subscribe returns a closed channel. Close
// may be called more than once.
func (b *Broker[T]) Close() {
	// TODO
}
