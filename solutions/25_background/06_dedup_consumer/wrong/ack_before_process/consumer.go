// Wrong: acknowledges a delivery as soon as it arrives, before handling
// it: a crash or a failure during handle loses the message for good.
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

// Consumer processes deliveries with a handler, at most once successfully
// per message ID. It is safe for concurrent use: several goroutines may
// call Run on the same channel.
type Consumer struct {
	handle func(context.Context, Message) error

	mu        sync.Mutex
	processed map[string]bool // handled successfully
	inFlight  map[string]bool // being handled right now
}

// New returns a Consumer that processes messages with handle.
func New(handle func(context.Context, Message) error) *Consumer {
	return &Consumer{
		handle:    handle,
		processed: map[string]bool{},
		inFlight:  map[string]bool{},
	}
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
		case <-ctx.Done():
			return ctx.Err()
		case d, ok := <-deliveries:
			if !ok {
				return nil
			}
			c.deliver(ctx, d)
		}
	}
}

func (c *Consumer) deliver(ctx context.Context, d Delivery) {
	id := d.Msg.ID
	c.mu.Lock()
	switch {
	case c.processed[id]:
		c.mu.Unlock()
		d.Ack() // a redelivery of a message already done
		return
	case c.inFlight[id]:
		c.mu.Unlock()
		d.Nack() // another Run has it: let the broker try again later
		return
	}
	c.inFlight[id] = true
	c.mu.Unlock()
	d.Ack()

	err := c.handle(ctx, d.Msg)

	c.mu.Lock()
	delete(c.inFlight, id)
	if err == nil {
		c.processed[id] = true
	}
	c.mu.Unlock()
}
