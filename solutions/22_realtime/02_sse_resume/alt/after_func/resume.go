// Alternative: sends the missed events in a first step, then the live ones
// in a second loop, and learns that the client left from a channel closed
// by context.AfterFunc.
package resume

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// Event is one published event. IDs count up from 1.
type Event struct {
	ID   int
	Data string
}

// Log keeps every published event and tells waiting streams about new
// ones. Its methods are safe for concurrent use.
type Log struct {
	mu     sync.Mutex
	events []Event       // events[i].ID == i+1
	wake   chan struct{} // closed (and replaced) by every Publish
}

// NewLog returns an empty Log.
func NewLog() *Log { return &Log{wake: make(chan struct{})} }

// Publish stores an event with the next ID and wakes every waiting stream.
func (l *Log) Publish(data string) Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	e := Event{ID: len(l.events) + 1, Data: data}
	l.events = append(l.events, e)
	close(l.wake)
	l.wake = make(chan struct{})
	return e
}

// Since returns the events whose ID is above id, and a channel that is
// closed when the next event is published.
func (l *Log) Since(id int) ([]Event, <-chan struct{}) {
	l.mu.Lock()
	defer l.mu.Unlock()
	id = max(0, min(id, len(l.events)))
	return l.events[id:len(l.events):len(l.events)], l.wake
}

// LastID returns the ID of the last event published, 0 if there is none.
func (l *Log) LastID() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.events)
}

// writeEvent writes e as a server-sent event: "id: 3\ndata: ...\n\n".
func writeEvent(w http.ResponseWriter, e Event) error {
	var b strings.Builder
	b.WriteString("id: " + strconv.Itoa(e.ID) + "\n")
	for line := range strings.SplitSeq(e.Data, "\n") {
		b.WriteString("data: " + line + "\n")
	}
	_, err := fmt.Fprint(w, b.String(), "\n")
	return err
}

// ServeHTTP streams the log's events as server-sent events.
func (l *Log) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	f, ok := w.(http.Flusher)
	if !ok {
		return
	}
	gone := make(chan struct{})
	stop := context.AfterFunc(r.Context(), func() { close(gone) })
	defer stop()

	send := func(events []Event) (int, bool) {
		id := -1
		for _, e := range events {
			if writeEvent(w, e) != nil {
				return id, false
			}
			id = e.ID
		}
		f.Flush()
		return id, true
	}

	last := l.LastID()
	if v := r.Header.Get("Last-Event-ID"); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n >= 0 {
			missed, _ := l.Since(n)
			id, ok := send(missed)
			if !ok {
				return
			}
			last = max(n, id)
		}
	}
	f.Flush()
	for {
		events, wake := l.Since(last)
		if len(events) > 0 {
			id, ok := send(events)
			if !ok {
				return
			}
			last = id
			continue
		}
		select {
		case <-wake:
		case <-gone:
			return
		}
	}
}
