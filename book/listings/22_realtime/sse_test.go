package realtime

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
)

// ANCHOR: event
// Event is one server-sent event.
type Event struct {
	ID, Type, Data string
}

// writeEvent writes e in the text/event-stream format. Every field is a
// line; Data gets one "data:" line per line; a blank line ends the event.
func writeEvent(w io.Writer, e Event) error {
	var b strings.Builder
	if e.ID != "" {
		fmt.Fprintf(&b, "id: %s\n", e.ID)
	}
	if e.Type != "" {
		fmt.Fprintf(&b, "event: %s\n", e.Type)
	}
	for line := range strings.SplitSeq(e.Data, "\n") {
		fmt.Fprintf(&b, "data: %s\n", line)
	}
	b.WriteString("\n") // the blank line: without it, nothing is dispatched
	_, err := io.WriteString(w, b.String())
	return err
}

// ANCHOR_END: event

// ANCHOR: handler
// prices streams every event received from updates, until updates is
// closed or the client goes away.
func prices(updates <-chan Event) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		w.Header().Set("Cache-Control", "no-cache")
		rc := http.NewResponseController(w)
		if err := rc.Flush(); err != nil { // the headers, at once
			http.Error(w, "streaming unsupported", http.StatusInternalServerError)
			return
		}
		for {
			select {
			case <-r.Context().Done(): // the client went away
				return
			case e, ok := <-updates:
				if !ok {
					return
				}
				if writeEvent(w, e) != nil || rc.Flush() != nil {
					return
				}
			}
		}
	}
}

// ANCHOR_END: handler

func Example_sse() {
	updates := make(chan Event, 2)
	updates <- Event{ID: "1", Type: "price", Data: `{"eur":1.08}`}
	updates <- Event{ID: "2", Data: "two\nlines"}
	close(updates)
	srv := httptest.NewServer(prices(updates))
	defer srv.Close()

	resp, err := http.Get(srv.URL)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	fmt.Println(resp.Header.Get("Content-Type"))
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		fmt.Printf("%q\n", sc.Text())
	}
	// Output:
	// text/event-stream
	// "id: 1"
	// "event: price"
	// "data: {\"eur\":1.08}"
	// ""
	// "id: 2"
	// "data: two"
	// "data: lines"
	// ""
}
