// Alternative: formats with fmt.Fprintf straight into the writer, and
// flushes through the http.Flusher interface instead of ResponseController.
package sse

import (
	"fmt"
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

// WriteEvent writes e to w in the text/event-stream format.
func WriteEvent(w io.Writer, e Event) error {
	if e.ID != "" {
		if _, err := fmt.Fprintf(w, "id: %s\n", e.ID); err != nil {
			return err
		}
	}
	if e.Type != "" {
		if _, err := fmt.Fprintf(w, "event: %s\n", e.Type); err != nil {
			return err
		}
	}
	for _, line := range strings.Split(e.Data, "\n") {
		if _, err := fmt.Fprintf(w, "data: %s\n", line); err != nil {
			return err
		}
	}
	_, err := fmt.Fprint(w, "\n")
	return err
}

// Stream returns a handler that sends every event received from events.
func Stream(events <-chan Event) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		flusher, ok := w.(http.Flusher)
		if !ok {
			http.Error(w, "streaming unsupported", http.StatusInternalServerError)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/event-stream; charset=utf-8")
		h.Set("Cache-Control", "no-cache, no-transform")
		for e := range events {
			if WriteEvent(w, e) != nil {
				return
			}
			flusher.Flush()
		}
	})
}
