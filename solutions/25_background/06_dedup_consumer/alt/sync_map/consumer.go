// Alternative: a sync.Map from message ID to its state, claimed with
// LoadOrStore and moved on with CompareAndSwap/CompareAndDelete; no mutex.
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

const (
	busy = "busy"
	done = "done"
)

// Consumer processes deliveries with a handler, at most once successfully
// per message ID. It is safe for concurrent use: several goroutines may
// call Run on the same channel.
type Consumer struct {
	handle func(context.Context, Message) error
	states sync.Map // message ID -> busy or done
}

// New returns a Consumer that processes messages with handle.
func New(handle func(context.Context, Message) error) *Consumer {
	return &Consumer{handle: handle}
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
	for ctx.Err() == nil {
		var d Delivery
		var open bool
		select {
		case d, open = <-deliveries:
		case <-ctx.Done():
			continue
		}
		if !open {
			return nil
		}
		if state, loaded := c.states.LoadOrStore(d.Msg.ID, busy); loaded {
			if state == done {
				d.Ack()
			} else {
				d.Nack()
			}
			continue
		}
		if err := c.handle(ctx, d.Msg); err != nil {
			c.states.CompareAndDelete(d.Msg.ID, busy)
			d.Nack()
			continue
		}
		c.states.CompareAndSwap(d.Msg.ID, busy, done)
		d.Ack()
	}
	return ctx.Err()
}
