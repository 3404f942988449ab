// Wrong: checks len(b.lines) and then sends; between the check and the send
// another goroutine can fill the last slot, and the send waits.
package telemetry

import "sync/atomic"

// Buffer hands log lines from request handlers to a shipper goroutine. Many
// goroutines may use it at the same time.
type Buffer struct {
	lines   chan string
	dropped atomic.Int64 // safe to add to from many goroutines at once
}

// NewBuffer returns a Buffer with room for size lines (size >= 0).
func NewBuffer(size int) *Buffer {
	return &Buffer{lines: make(chan string, size)}
}

// Offer adds line and returns true if that is possible without waiting. When
// the buffer is full, it drops the line, counts the drop and returns false.
func (b *Buffer) Offer(line string) bool {
	if len(b.lines) == cap(b.lines) {
		b.dropped.Add(1)
		return false
	}
	b.lines <- line
	return true
}

// Poll removes and returns the oldest line and true, or returns "" and false
// at once when the buffer is empty.
func (b *Buffer) Poll() (string, bool) {
	select {
	case line := <-b.lines:
		return line, true
	default:
		return "", false
	}
}

// Dropped returns how many lines Offer has dropped so far.
func (b *Buffer) Dropped() int64 {
	return b.dropped.Load()
}
