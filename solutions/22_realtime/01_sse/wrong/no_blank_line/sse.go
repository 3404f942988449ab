// Wrong: ends each event with a single newline, without the blank line
// that tells the browser the event is complete.
package sse

import (
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

// WriteEvent writes e to w in the text/event-stream format: the "id:" line,
// the "event:" line, one "data:" line for each line of Data (a line "data: "
// even when Data is empty), and then the blank line that ends the event.
func WriteEvent(w io.Writer, e Event) error {
	var b strings.Builder
	if e.ID != "" {
		b.WriteString("id: " + e.ID + "\n")
	}
	if e.Type != "" {
		b.WriteString("event: " + e.Type + "\n")
	}
	for line := range strings.SplitSeq(e.Data, "\n") {
		b.WriteString("data: " + line + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Stream returns a handler that sends every event received from events, as
// soon as it is received, and returns when events is closed. The response
// has Content-Type text/event-stream and Cache-Control no-cache.
func Stream(events <-chan Event) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		w.Header().Set("Cache-Control", "no-cache")
		w.WriteHeader(http.StatusOK)
		rc := http.NewResponseController(w)
		if err := rc.Flush(); err != nil {
			return
		}
		for e := range events {
			if err := WriteEvent(w, e); err != nil {
				return
			}
			if err := rc.Flush(); err != nil {
				return
			}
		}
	})
}
