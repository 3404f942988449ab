// Alternative: unsubscribing only deletes the channel from the map and
// never closes it (the garbage collector takes it); the handler watches
// the request context itself, with its own done variable.
package fanout

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
)

// Buffer is how many messages may wait for one subscriber; when its
// buffer is full, a subscriber misses messages rather than holding up
// the others.
const Buffer = 16

// Feed sends every message of a source to every subscriber. Its methods
// are safe for concurrent use.
type Feed struct {
	mu    sync.Mutex // guards subs and ended
	subs  map[chan string]bool
	ended bool // Run has returned
}

// NewFeed returns a Feed with no subscribers.
func NewFeed() *Feed {
	return &Feed{subs: make(map[chan string]bool)}
}

// Subscribers returns the number of subscribers now.
func (f *Feed) Subscribers() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.subs)
}

// subscribe returns a new subscriber's channel, or false if Run has
// already returned.
func (f *Feed) subscribe() (chan string, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.ended {
		return nil, false
	}
	ch := make(chan string, Buffer)
	f.subs[ch] = true
	return ch, true
}

// Run sends every message received from src to every subscriber, until src
// is closed or ctx ends. Then it closes every subscriber's channel, which
// ends their streams.
func (f *Feed) Run(ctx context.Context, src <-chan string) {
	defer func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.ended = true
		for ch := range f.subs {
			delete(f.subs, ch)
			close(ch)
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case msg, ok := <-src:
			if !ok {
				return
			}
			f.mu.Lock()
			for ch := range f.subs {
				select {
				case ch <- msg:
				default: // full: this subscriber misses msg
				}
			}
			f.mu.Unlock()
		}
	}
}

// writeEvent writes msg as a server-sent event with one data line per
// line of msg.
func writeEvent(w io.Writer, msg string) error {
	_, err := io.WriteString(w, "data: "+strings.ReplaceAll(msg, "\n", "\ndata: ")+"\n\n")
	return err
}

// ServeHTTP streams the feed's messages to one client as server-sent
// events, each flushed at once. It subscribes when the request arrives and
// returns, unsubscribed, as soon as the client goes away or Run ends (a
// request after Run has ended gets an empty stream).
func (f *Feed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	rc := http.NewResponseController(w)
	ch, ok := f.subscribe()
	if !ok {
		return
	}
	defer f.unsubscribe(ch)
	if rc.Flush() != nil {
		return
	}
	done := r.Context().Done()
	for {
		select {
		case <-done:
			return
		case msg, ok := <-ch:
			if !ok {
				return // Run has ended
			}
			if writeEvent(w, msg) != nil || rc.Flush() != nil {
				return
			}
		}
	}
}

// unsubscribe removes ch, if Run has not already done so. Only the one
// who removes ch from the map closes it, so it is closed exactly once.
func (f *Feed) unsubscribe(ch chan string) {
	f.mu.Lock()
	delete(f.subs, ch)
	f.mu.Unlock()
}
