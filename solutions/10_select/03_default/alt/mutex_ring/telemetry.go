// A slice queue under a sync.Mutex, with the drop count as a plain int under the same lock, instead of a channel.
package telemetry

import "sync"

// Buffer hands log lines from request handlers to a shipper goroutine. Many
// goroutines may use it at the same time.
type Buffer struct {
	mu      sync.Mutex
	lines   []string
	size    int
	dropped int64
}

// NewBuffer returns a Buffer with room for size lines (size >= 0).
func NewBuffer(size int) *Buffer {
	return &Buffer{size: size}
}

// Offer adds line and returns true if that is possible without waiting. When
// the buffer is full, it drops the line, counts the drop and returns false.
func (b *Buffer) Offer(line string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.lines) >= b.size {
		b.dropped++
		return false
	}
	b.lines = append(b.lines, line)
	return true
}

// Poll removes and returns the oldest line and true, or returns "" and false
// at once when the buffer is empty.
func (b *Buffer) Poll() (string, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.lines) == 0 {
		return "", false
	}
	line := b.lines[0]
	b.lines = b.lines[1:]
	return line, true
}

// Dropped returns how many lines Offer has dropped so far.
func (b *Buffer) Dropped() int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.dropped
}
