// Wrong: keeps its own count of pending messages in a plain int that every
// Post and Take changes from its own goroutine: a data race.
package mailbox

// Mailbox holds up to a fixed number of messages, first in, first out. It is
// safe to use from many goroutines at once.
type Mailbox struct {
	messages chan string
	pending  int
}

// New returns an empty mailbox with room for capacity messages (capacity >= 0).
func New(capacity int) *Mailbox {
	return &Mailbox{messages: make(chan string, capacity)}
}

// Post adds msg. When the mailbox is full, Post waits until a Take makes room.
func (m *Mailbox) Post(msg string) {
	m.messages <- msg
	m.pending++
}

// Take removes and returns the oldest message. When the mailbox is empty,
// Take waits until a Post adds one.
func (m *Mailbox) Take() string {
	msg := <-m.messages
	m.pending--
	return msg
}

// Pending returns how many messages are waiting in the mailbox.
func (m *Mailbox) Pending() int {
	return max(m.pending, 0)
}

// Capacity returns how many messages the mailbox can hold.
func (m *Mailbox) Capacity() int {
	return cap(m.messages)
}
