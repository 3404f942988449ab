// Wrong: a slice behind a mutex grows without limit, so Post never waits and
// a slow reader lets the mailbox eat all memory; the capacity is ignored.
package mailbox

import "sync"

// Mailbox holds up to a fixed number of messages, first in, first out. It is
// safe to use from many goroutines at once.
type Mailbox struct {
	mu       sync.Mutex
	nonEmpty *sync.Cond
	messages []string
	capacity int
}

// New returns an empty mailbox with room for capacity messages (capacity >= 0).
func New(capacity int) *Mailbox {
	m := &Mailbox{capacity: capacity}
	m.nonEmpty = sync.NewCond(&m.mu)
	return m
}

// Post adds msg. When the mailbox is full, Post waits until a Take makes room.
func (m *Mailbox) Post(msg string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.messages = append(m.messages, msg)
	m.nonEmpty.Signal()
}

// Take removes and returns the oldest message. When the mailbox is empty,
// Take waits until a Post adds one.
func (m *Mailbox) Take() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	for len(m.messages) == 0 {
		m.nonEmpty.Wait()
	}
	msg := m.messages[0]
	m.messages = m.messages[1:]
	return msg
}

// Pending returns how many messages are waiting in the mailbox.
func (m *Mailbox) Pending() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.messages)
}

// Capacity returns how many messages the mailbox can hold.
func (m *Mailbox) Capacity() int {
	return m.capacity
}
