package realtime

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
)

// History keeps the events published so far; event i has ID i+1.
type History struct {
	mu     sync.Mutex
	events []string
	wake   chan struct{} // closed and replaced on each Add
}

func NewHistory() *History { return &History{wake: make(chan struct{})} }

func (h *History) Add(data string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.events = append(h.events, data)
	close(h.wake)
	h.wake = make(chan struct{})
}

// since returns the events after the one with ID id, the ID of the last
// one, and a channel closed on the next Add.
func (h *History) since(id int) ([]string, int, <-chan struct{}) {
	h.mu.Lock()
	defer h.mu.Unlock()
	id = max(0, min(id, len(h.events)))
	return h.events[id:], len(h.events), h.wake
}

// ANCHOR: resume
func (h *History) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/event-stream")
	rc := http.NewResponseController(w)

	// Where to start: after the last event the client has, if it says so.
	last, err := strconv.Atoi(r.Header.Get("Last-Event-ID"))
	if err != nil {
		_, last, _ = h.since(0) // a new client: from now on
	}
	for {
		events, newest, wake := h.since(last)
		for i, data := range events {
			e := Event{ID: strconv.Itoa(last + i + 1), Data: data}
			if writeEvent(w, e) != nil {
				return
			}
		}
		if rc.Flush() != nil {
			return
		}
		last = newest
		select {
		case <-wake: // something new
		case <-r.Context().Done(): // the client left: return, leak nothing
			return
		}
	}
}

// ANCHOR_END: resume

func Example_resume() {
	h := NewHistory()
	for _, s := range []string{"a", "b", "c", "d"} {
		h.Add(s)
	}
	// A client that had event 2 reconnects. Its context is already over,
	// so the handler sends what was missed and returns.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, "GET", "/events", nil)
	req.Header.Set("Last-Event-ID", "2")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Print(rec.Body.String())
	// Output:
	// id: 3
	// data: c
	//
	// id: 4
	// data: d
}
