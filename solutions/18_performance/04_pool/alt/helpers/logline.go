// Wraps the pool in get and put helpers; put drops buffers that grew very large.
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

func get() *bytes.Buffer {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	return buf
}

func put(buf *bytes.Buffer) {
	if buf.Cap() > 64<<10 {
		return // let a rare huge line's memory go
	}
	bufPool.Put(buf)
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
	buf := get()
	defer put(buf)
	writeEvent(buf, e)
	l.mu.Lock()
	defer l.mu.Unlock()
	_, err := l.w.Write(buf.Bytes())
	return err
}

// Encode returns e as one line, in a slice the caller owns.
func Encode(e Event) []byte {
	buf := get()
	defer put(buf)
	writeEvent(buf, e)
	out := make([]byte, buf.Len())
	copy(out, buf.Bytes())
	return out
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
