// Wrong: holds a mutex while sending or receiving, so a Post waiting on a full
// mailbox keeps the lock and the Take that would make room can never get it.
package mailbox

import "sync"

// Mailbox holds up to a fixed number of messages, first in, first out. It is
// safe to use from many goroutines at once.
type Mailbox struct {
	mu       sync.Mutex
	messages chan string
}

// New returns an empty mailbox with room for capacity messages (capacity >= 0).
func New(capacity int) *Mailbox {
	return &Mailbox{messages: make(chan string, capacity)}
}

// Post adds msg. When the mailbox is full, Post waits until a Take makes room.
func (m *Mailbox) Post(msg string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.messages <- msg
}

// Take removes and returns the oldest message. When the mailbox is empty,
// Take waits until a Post adds one.
func (m *Mailbox) Take() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return <-m.messages
}

// Pending returns how many messages are waiting in the mailbox.
func (m *Mailbox) Pending() int {
	return len(m.messages)
}

// Capacity returns how many messages the mailbox can hold.
func (m *Mailbox) Capacity() int {
	return cap(m.messages)
}
