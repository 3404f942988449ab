package sse

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
)

// testBubble runs f in a synctest bubble and turns the bubble's deadlock and
// leak reports into ordinary failures.
func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprint(r)
			if strings.Contains(msg, "blocked goroutines remain") {
				t.Fatalf("when the test ended, a goroutine was still blocked and would never exit")
			}
			if strings.Contains(msg, "all goroutines in bubble are blocked") {
				t.Fatalf("deadlock: every goroutine is blocked (%s)", msg)
			}
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testParsed is what a browser's EventSource makes of a stream.
type testParsed struct {
	events     []Event
	unfinished bool     // fields after the last blank line: an event not dispatched yet
	strange    []string // lines that are not "field: value" lines of a known field
}

// testParse reads a text/event-stream the way the specification says: a blank
// line dispatches the event, "data" lines are joined with "\n", the value
// after "field:" loses one leading space, and lines starting with ":" are
// comments.
func testParse(stream string) testParsed {
	var p testParsed
	var cur Event
	var data []string
	pending := false
	for line := range strings.Lines(stream) {
		if !strings.HasSuffix(line, "\n") {
			p.unfinished = true // a line not even ended
			p.strange = append(p.strange, line)
			break
		}
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		if line == "" {
			if pending {
				cur.Data = strings.Join(data, "\n")
				p.events = append(p.events, cur)
			}
			cur, data, pending = Event{}, nil, false
			continue
		}
		if strings.HasPrefix(line, ":") {
			continue
		}
		field, value, _ := strings.Cut(line, ":")
		value = strings.TrimPrefix(value, " ")
		pending = true
		switch field {
		case "id":
			cur.ID = value
		case "event":
			cur.Type = value
		case "data":
			data = append(data, value)
		case "retry":
		default:
			p.strange = append(p.strange, line)
		}
	}
	if pending {
		p.unfinished = true
	}
	return p
}

func testDescribe(p testParsed) string {
	s := fmt.Sprintf("%#v", p.events)
	if p.unfinished {
		s += " and an unfinished event (no blank line after it)"
	}
	return s
}

func TestWriteEvent(t *testing.T) {
	tests := []struct {
		name string
		e    Event
	}{
		{"data only", Event{Data: "hello"}},
		{"id, type and data", Event{ID: "42", Type: "price", Data: `{"eur":1.08}`}},
		{"data of three lines", Event{ID: "7", Data: "first\nsecond\nthird"}},
		{"empty data", Event{Type: "ping"}},
		{"data with a colon and spaces", Event{Data: "a: b  c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteEvent(&buf, tt.e); err != nil {
				t.Fatalf("WriteEvent(%#v) returned %v", tt.e, err)
			}
			p := testParse(buf.String())
			if len(p.strange) > 0 {
				t.Errorf("WriteEvent(%#v) wrote %q: the line %q is not a field of an event (every line of Data needs its own \"data: \" prefix)", tt.e, buf.String(), p.strange[0])
			}
			if p.unfinished && len(p.events) == 0 {
				t.Fatalf("WriteEvent(%#v) wrote %q, with no blank line after the event: a browser waits for that blank line before it dispatches the event", tt.e, buf.String())
			}
			if !slices.Equal(p.events, []Event{tt.e}) || p.unfinished {
				t.Errorf("WriteEvent(%#v) wrote %q, which a browser reads as %s, want [%#v]", tt.e, buf.String(), testDescribe(p), tt.e)
			}
		})
	}
}

func TestWriteEventsInARow(t *testing.T) {
	events := []Event{{ID: "1", Data: "a"}, {ID: "2", Data: "b\nc"}, {ID: "3", Type: "end"}}
	var buf bytes.Buffer
	for _, e := range events {
		if err := WriteEvent(&buf, e); err != nil {
			t.Fatalf("WriteEvent(%#v) returned %v", e, err)
		}
	}
	if p := testParse(buf.String()); !slices.Equal(p.events, events) || p.unfinished {
		t.Errorf("three WriteEvent calls in a row wrote %q, which a browser reads as %s, want %#v", buf.String(), testDescribe(p), events)
	}
}

// testRecorder is a ResponseWriter that remembers what had been flushed at
// each Flush: what a client on the other end could have read by then.
type testRecorder struct {
	mu          sync.Mutex
	header      http.Header
	sent        http.Header // the header when the response started
	code        int
	body        bytes.Buffer
	flushed     string
	flushes     int
	wroteHeader bool
}

func testNewRecorder() *testRecorder { return &testRecorder{header: http.Header{}} }

func (r *testRecorder) Header() http.Header { return r.header }

func (r *testRecorder) WriteHeader(code int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.writeHeader(code)
}

func (r *testRecorder) writeHeader(code int) {
	if !r.wroteHeader {
		r.wroteHeader, r.code, r.sent = true, code, r.header.Clone()
	}
}

func (r *testRecorder) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.writeHeader(http.StatusOK)
	return r.body.Write(p)
}

func (r *testRecorder) Flush() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.writeHeader(http.StatusOK)
	r.flushed = r.body.String()
	r.flushes++
}

func (r *testRecorder) state() (body, flushed string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.body.String(), r.flushed
}

// testStart serves one request with Stream(events) in a goroutine; done is
// closed when the handler returns.
func testStart(events chan Event) (rec *testRecorder, done chan struct{}) {
	rec, done = testNewRecorder(), make(chan struct{})
	h := Stream(events)
	go func() {
		defer close(done)
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/events", nil))
	}()
	return rec, done
}

func TestStreamHeaders(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		events := make(chan Event)
		rec, done := testStart(events)
		events <- Event{Data: "x"}
		close(events)
		<-done
		if !rec.wroteHeader {
			t.Fatalf("Stream sent no response at all")
		}
		ct := rec.sent.Get("Content-Type")
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "text/event-stream" {
			t.Errorf("Content-Type = %q, want text/event-stream (EventSource refuses any other type)", ct)
		}
		if cc := rec.sent.Get("Cache-Control"); !strings.Contains(cc, "no-cache") {
			t.Errorf("Cache-Control = %q, want no-cache", cc)
		}
		if rec.code != http.StatusOK {
			t.Errorf("status = %d, want 200", rec.code)
		}
	})
}

// TestStreamFlushesEachEvent sends events one by one and looks at what a
// client could have read after each.
func TestStreamFlushesEachEvent(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		events := make(chan Event)
		rec, done := testStart(events)
		var want []Event
		for i, e := range []Event{
			{ID: "1", Type: "greeting", Data: "hello"},
			{ID: "2", Data: "two\nlines"},
			{ID: "3", Data: "bye"},
		} {
			events <- e
			want = append(want, e)
			synctest.Wait() // the handler is waiting for the next event
			body, flushed := rec.state()
			if got := testParse(flushed); !slices.Equal(got.events, want) {
				if wrote := testParse(body); slices.Equal(wrote.events, want) {
					t.Errorf("after event %d was sent, the handler had written it but not flushed it: the client had received only %s; call Flush (http.NewResponseController(w).Flush()) after each event", i+1, testDescribe(got))
				} else {
					t.Errorf("after event %d was sent, the client had received %s, want %#v (all written: %q)", i+1, testDescribe(got), want, body)
				}
				break
			}
		}
		close(events)
		synctest.Wait()
		select {
		case <-done:
		default:
			t.Errorf("the events channel was closed, but the handler has not returned")
			<-done
		}
	})
}

// TestStreamOverHTTP runs the handler in a real server and reads the whole
// response, as a client that waits for the end would.
func TestStreamOverHTTP(t *testing.T) {
	events := make(chan Event, 3)
	want := []Event{{ID: "a", Data: "1"}, {ID: "b", Data: "2"}, {ID: "c", Type: "done"}}
	for _, e := range want {
		events <- e
	}
	close(events)
	srv := httptest.NewServer(Stream(events))
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body bytes.Buffer
	if _, err := body.ReadFrom(resp.Body); err != nil {
		t.Fatalf("reading the stream: %v", err)
	}
	if p := testParse(body.String()); !slices.Equal(p.events, want) || p.unfinished {
		t.Errorf("GET on a server with three queued events received %q, which a browser reads as %s, want %#v", body.String(), testDescribe(p), want)
	}
}
