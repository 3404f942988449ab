// Selects with an empty default and handles the miss after the select, instead of inside default.
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
	select {
	case b.lines <- line:
		return true
	default:
	}
	b.dropped.Add(1)
	return false
}

// Poll removes and returns the oldest line and true, or returns "" and false
// at once when the buffer is empty.
func (b *Buffer) Poll() (line string, ok bool) {
	select {
	case line, ok = <-b.lines:
	default:
	}
	return line, ok
}

// Dropped returns how many lines Offer has dropped so far.
func (b *Buffer) Dropped() int64 {
	return b.dropped.Load()
}
