// Resets the buffer before putting it back and calls Put explicitly instead of deferring it.
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

// Log writes e as one line.
func (l *Logger) Log(e Event) error {
	buf := bufPool.Get().(*bytes.Buffer)
	writeEvent(buf, e)
	l.mu.Lock()
	_, err := l.w.Write(buf.Bytes())
	l.mu.Unlock()
	buf.Reset()
	bufPool.Put(buf)
	return err
}

// Encode returns e as one line, in a slice the caller owns.
func Encode(e Event) []byte {
	buf := bufPool.Get().(*bytes.Buffer)
	writeEvent(buf, e)
	line := append([]byte(nil), buf.Bytes()...)
	buf.Reset()
	bufPool.Put(buf)
	return line
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
