// Wrong: puts the buffer back before writing its bytes, so another Log can reuse it while they are written.
// Log and Encode make a new buffer for every line, and a logger writes a
// lot of lines. Take a *bytes.Buffer from bufPool instead, Reset it, and
// Put it back when done: Log must then allocate nothing. Encode's result
// must stay valid after the buffer goes back: return a copy of its bytes.
package logline

import (
	"bytes"
	"io"
	"strconv"
	"sync"
)

// Event is one log event.
type Event struct {
	Level      string
	Msg        string
	UserID     int64
	DurationMs int64
}

// bufPool holds buffers for reuse. Get returns one from the pool, or a new
// one made by New when the pool is empty.
var bufPool = sync.Pool{
	New: func() any { return new(bytes.Buffer) },
}

// Logger writes events to w, one line each.
type Logger struct {
	mu sync.Mutex // one Write at a time
	w  io.Writer
}

// New returns a Logger that writes to w.
func New(w io.Writer) *Logger { return &Logger{w: w} }

// getBuffer takes an empty buffer from the pool. A pooled buffer still
// holds what its last user wrote: Reset empties it and keeps its memory.
func getBuffer() *bytes.Buffer {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	return buf
}

// Log writes e as one line.
func (l *Logger) Log(e Event) error {
	buf := getBuffer()
	writeEvent(buf, e)
	bufPool.Put(buf)
	l.mu.Lock()
	defer l.mu.Unlock()
	_, err := l.w.Write(buf.Bytes())
	return err
}

// Encode returns e as one line, in a slice the caller owns.
func Encode(e Event) []byte {
	buf := getBuffer()
	defer bufPool.Put(buf)
	writeEvent(buf, e)
	// buf.Bytes() shares the buffer's memory, which the next caller will
	// overwrite: the caller gets a copy of its own.
	return bytes.Clone(buf.Bytes())
}

// writeEvent writes e as a logfmt line: level=info msg="…" user=42
// duration_ms=153. It allocates nothing when buf has room enough.
func writeEvent(buf *bytes.Buffer, e Event) {
	buf.WriteString("level=")
	buf.WriteString(e.Level)
	buf.WriteString(" msg=")
	buf.Write(strconv.AppendQuote(buf.AvailableBuffer(), e.Msg))
	buf.WriteString(" user=")
	buf.Write(strconv.AppendInt(buf.AvailableBuffer(), e.UserID, 10))
	buf.WriteString(" duration_ms=")
	buf.Write(strconv.AppendInt(buf.AvailableBuffer(), e.DurationMs, 10))
	buf.WriteByte('\n')
}
