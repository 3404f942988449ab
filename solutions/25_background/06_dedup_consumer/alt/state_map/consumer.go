// Alternative: one map from ID to a small state type guarded by a mutex;
// each delivery is settled by a deferred call that acks or nacks according
// to the outcome recorded while handling it.
package consumer

import (
	"context"
	"sync"
)

// Message is what a producer sent. Its ID is unique per message: a
// redelivery carries the same ID.
type Message struct {
	ID   string
	Body string
}

// Delivery is one delivery of a message. The broker delivers a message
// again if it is never acknowledged, or after Nack.
type Delivery struct {
	Msg  Message
	Ack  func() // done with: never deliver it again
	Nack func() // not done: deliver it again later
}

type state int

const (
	unseen state = iota
	handling
	processed
)

// Consumer processes deliveries with a handler, at most once successfully
// per message ID. It is safe for concurrent use: several goroutines may
// call Run on the same channel.
type Consumer struct {
	handle func(context.Context, Message) error
	mu     sync.Mutex
	seen   map[string]state
}

// New returns a Consumer that processes messages with handle.
func New(handle func(context.Context, Message) error) *Consumer {
	return &Consumer{handle: handle, seen: make(map[string]state)}
}

// Run takes deliveries until the channel is closed (it returns nil) or ctx
// ends (it returns ctx.Err()). Every delivery is either acknowledged or
// nacked, once:
//   - a message already processed successfully is acknowledged, and handle
//     is not called;
//   - a message being handled by another Run at this moment is nacked;
//   - otherwise handle is called; when it returns nil, the message counts
//     as processed and is acknowledged (only then); when it fails, it is
//     nacked, so that its redelivery is handled again.
func (c *Consumer) Run(ctx context.Context, deliveries <-chan Delivery) error {
	for {
		select {
		case d, ok := <-deliveries:
			if !ok {
				return nil
			}
			c.process(ctx, d)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func (c *Consumer) setState(id string, s state) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s == unseen {
		delete(c.seen, id)
	} else {
		c.seen[id] = s
	}
}

func (c *Consumer) process(ctx context.Context, d Delivery) {
	ack := false
	defer func() {
		if ack {
			d.Ack()
		} else {
			d.Nack()
		}
	}()

	c.mu.Lock()
	s := c.seen[d.Msg.ID]
	if s == unseen {
		c.seen[d.Msg.ID] = handling
	}
	c.mu.Unlock()
	switch s {
	case processed:
		ack = true
		return
	case handling:
		return
	}

	if err := c.handle(ctx, d.Msg); err != nil {
		c.setState(d.Msg.ID, unseen)
		return
	}
	c.setState(d.Msg.ID, processed)
	ack = true
}
