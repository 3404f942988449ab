// Alternative: writes each event through a bufio.Writer with colons and no
// spaces ("data:x"), and flushes the buffer and then the connection.
package sse

import (
	"bufio"
	"io"
	"net/http"
	"strings"
)

// Event is one server-sent event.
type Event struct {
	ID   string // sent as an "id:" line; left out when empty
	Type string // sent as an "event:" line; left out when empty
	Data string // one "data:" line per line of Data (lines are split on "\n")
}

func field(bw *bufio.Writer, name, value string) {
	bw.WriteString(name)
	bw.WriteByte(':')
	bw.WriteString(value)
	bw.WriteByte('\n')
}

// WriteEvent writes e to w in the text/event-stream format.
func WriteEvent(w io.Writer, e Event) error {
	bw := bufio.NewWriter(w)
	if e.ID != "" {
		field(bw, "id", e.ID)
	}
	if e.Type != "" {
		field(bw, "event", e.Type)
	}
	rest := e.Data
	for {
		line, more, found := strings.Cut(rest, "\n")
		field(bw, "data", line)
		if !found {
			break
		}
		rest = more
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

// Stream returns a handler that sends every event received from events.
func Stream(events <-chan Event) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		w.Header().Set("Cache-Control", "no-cache")
		rc := http.NewResponseController(w)
		for {
			e, ok := <-events
			if !ok {
				return
			}
			if err := WriteEvent(w, e); err != nil {
				return
			}
			if err := rc.Flush(); err != nil {
				return
			}
		}
	})
}
