// Subscribers in a slice, each closed through a sync.Once, so whichever of
// Close and its ctx comes first closes it, and the other does nothing.
// A publish/subscribe broker: every message goes to every subscriber. As
// written, subscribers can never leave, a slow one blocks every publisher,
// and Close leaves subscribers waiting forever. Fix all three; watch for
// goroutines left behind (context.AfterFunc needs none until ctx ends).
package pubsub

import (
	"context"
	"slices"
	"sync"
)

type subscriber[T any] struct {
	ch    chan T
	once  sync.Once
	watch func() bool // stops the context.AfterFunc
}

func (s *subscriber[T]) end() {
	s.once.Do(func() { close(s.ch) })
}

// Broker delivers published messages to subscribers. Its methods are safe
// for concurrent use.
type Broker[T any] struct {
	mu     sync.Mutex
	subs   []*subscriber[T]
	closed bool
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
	s := &subscriber[T]{ch: make(chan T, buffer)}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		s.end()
		return s.ch
	}
	b.subs = append(b.subs, s)
	s.watch = context.AfterFunc(ctx, func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		b.subs = slices.DeleteFunc(b.subs, func(x *subscriber[T]) bool { return x == s })
		s.end()
	})
	return s.ch
}

// Publish delivers msg to every current subscriber that has room for it
// and returns how many received it. A subscriber whose buffer is full
// misses the message: Publish never waits.
func (b *Broker[T]) Publish(msg T) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for _, s := range b.subs {
		select {
		case s.ch <- msg:
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
	for _, s := range b.subs {
		s.watch()
		s.end()
	}
	b.subs = nil
}
