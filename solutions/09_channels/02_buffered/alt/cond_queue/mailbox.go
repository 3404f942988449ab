// A slice guarded by a mutex and a sync.Cond instead of a channel; capacity 0 hands each message to a waiting Take.
package mailbox

import "sync"

// Mailbox holds up to a fixed number of messages, first in, first out. It is
// safe to use from many goroutines at once.
type Mailbox struct {
	mu       sync.Mutex
	changed  *sync.Cond
	queue    []string
	capacity int
	takers   int // Takes waiting for a message
}

// New returns an empty mailbox with room for capacity messages (capacity >= 0).
func New(capacity int) *Mailbox {
	m := &Mailbox{capacity: capacity}
	m.changed = sync.NewCond(&m.mu)
	return m
}

// Post adds msg. When the mailbox is full, Post waits until a Take makes room.
func (m *Mailbox) Post(msg string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for len(m.queue) >= m.capacity+m.takers {
		m.changed.Wait()
	}
	m.queue = append(m.queue, msg)
	m.changed.Broadcast()
}

// Take removes and returns the oldest message. When the mailbox is empty,
// Take waits until a Post adds one.
func (m *Mailbox) Take() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.takers++
	m.changed.Broadcast()
	for len(m.queue) == 0 {
		m.changed.Wait()
	}
	m.takers--
	msg := m.queue[0]
	m.queue = m.queue[1:]
	m.changed.Broadcast()
	return msg
}

// Pending returns how many messages are waiting in the mailbox (not counting
// those already promised to a waiting Take).
func (m *Mailbox) Pending() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.queue) - min(len(m.queue), m.takers)
}

// Capacity returns how many messages the mailbox can hold.
func (m *Mailbox) Capacity() int {
	return m.capacity
}
