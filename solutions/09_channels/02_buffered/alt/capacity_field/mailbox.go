// Remembers the capacity in a field instead of asking cap of the channel.
package mailbox

// Mailbox holds up to a fixed number of messages, first in, first out. It is
// safe to use from many goroutines at once.
type Mailbox struct {
	messages chan string
	size     int
}

// New returns an empty mailbox with room for capacity messages (capacity >= 0).
func New(capacity int) *Mailbox {
	return &Mailbox{messages: make(chan string, capacity), size: capacity}
}

// Post adds msg. When the mailbox is full, Post waits until a Take makes room.
func (m *Mailbox) Post(msg string) {
	m.messages <- msg
}

// Take removes and returns the oldest message. When the mailbox is empty,
// Take waits until a Post adds one.
func (m *Mailbox) Take() string {
	return <-m.messages
}

// Pending returns how many messages are waiting in the mailbox.
func (m *Mailbox) Pending() int {
	return len(m.messages)
}

// Capacity returns how many messages the mailbox can hold.
func (m *Mailbox) Capacity() int {
	return m.size
}
