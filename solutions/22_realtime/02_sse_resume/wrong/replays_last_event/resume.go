// Wrong: replays from the event named by Last-Event-ID itself, which the
// client already has.
package resume

import (
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

// ServeHTTP streams the log's events as server-sent events, each flushed
// as soon as it is written. A request without a Last-Event-ID header (or
// with one that is not a whole number) gets the events published from now
// on; one with Last-Event-ID: N first gets every event whose ID is above N,
// then the new ones. ServeHTTP returns as soon as the client goes away.
func (l *Log) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	rc := http.NewResponseController(w)
	if err := rc.Flush(); err != nil {
		return
	}
	last, err := strconv.Atoi(r.Header.Get("Last-Event-ID"))
	if err != nil {
		last = l.LastID()
	} else if last > 0 {
		last-- // send the last event again, to be safe
	}
	for {
		events, wake := l.Since(last)
		for _, e := range events {
			if err := writeEvent(w, e); err != nil {
				return
			}
			last = e.ID
		}
		if err := rc.Flush(); err != nil {
			return
		}
		select {
		case <-wake:
		case <-r.Context().Done():
			return
		}
	}
}
