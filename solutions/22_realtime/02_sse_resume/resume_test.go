package resume

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
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
				t.Fatalf("when the test ended, a goroutine was still blocked and would never exit (a ServeHTTP still waiting for events after its client left?)")
			}
			if strings.Contains(msg, "all goroutines in bubble are blocked") {
				t.Fatalf("deadlock: every goroutine is blocked (%s)", msg)
			}
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testRecorder is a ResponseWriter that keeps what had been flushed: what a
// client could have read so far.
type testRecorder struct {
	mu      sync.Mutex
	header  http.Header
	body    bytes.Buffer
	flushed string
	gone    bool // the client has gone: writes fail
}

func (r *testRecorder) Header() http.Header { return r.header }
func (r *testRecorder) WriteHeader(int)     {}

func (r *testRecorder) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.gone {
		return 0, errors.New("connection closed")
	}
	return r.body.Write(p)
}

func (r *testRecorder) Flush() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.flushed = r.body.String()
}

// testIDs returns the IDs of the complete events a client has received.
func (r *testRecorder) testIDs(t *testing.T) []int {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	ids := []int{}
	for block := range strings.SplitSeq(r.flushed, "\n\n") {
		for line := range strings.SplitSeq(block, "\n") {
			if v, ok := strings.CutPrefix(line, "id:"); ok {
				id, err := strconv.Atoi(strings.TrimSpace(v))
				if err != nil {
					t.Fatalf("the stream has an id line %q that is not a number", line)
				}
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// testStream is one client's request being served.
type testStream struct {
	rec    *testRecorder
	leave  context.CancelFunc
	done   chan struct{}
	header string
}

// testOpen starts ServeHTTP for a request with the given Last-Event-ID
// (none when lastID is "-").
func testOpen(l *Log, lastID string) *testStream {
	ctx, cancel := context.WithCancel(context.Background())
	req := httptest.NewRequestWithContext(ctx, "GET", "/events", nil)
	desc := "no Last-Event-ID"
	if lastID != "-" {
		req.Header.Set("Last-Event-ID", lastID)
		desc = fmt.Sprintf("Last-Event-ID: %q", lastID)
	}
	s := &testStream{rec: &testRecorder{header: http.Header{}}, leave: cancel, done: make(chan struct{}), header: desc}
	go func() {
		defer close(s.done)
		l.ServeHTTP(s.rec, req)
	}()
	return s
}

// testClose makes the client leave and reports whether ServeHTTP returned.
func (s *testStream) testClose() bool {
	s.leave()
	synctest.Wait()
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// testEnd ends a stream whatever the handler does: the client leaves,
// writes fail from now on, and an event is published to wake a handler
// that waits only for events.
func (s *testStream) testEnd(l *Log) {
	s.rec.mu.Lock()
	s.rec.gone = true
	s.rec.mu.Unlock()
	s.leave()
	l.Publish("bye")
	synctest.Wait()
}

func testLog(n int) *Log {
	l := NewLog()
	for i := range n {
		l.Publish(fmt.Sprintf("event %d", i+1))
	}
	return l
}

func TestResumeReplaysMissedEvents(t *testing.T) {
	tests := []struct {
		name        string
		lastID      string
		first, then []int
	}{
		{"Last-Event-ID 2 of 5", "2", []int{3, 4, 5}, []int{3, 4, 5, 6}},
		{"Last-Event-ID 0", "0", []int{1, 2, 3, 4, 5}, []int{1, 2, 3, 4, 5, 6}},
		{"Last-Event-ID of the newest event", "5", []int{}, []int{6}},
		{"no Last-Event-ID", "-", []int{}, []int{6}},
		{"Last-Event-ID not a number", "abc", []int{}, []int{6}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				l := testLog(5)
				s := testOpen(l, tt.lastID)
				defer s.testEnd(l)
				synctest.Wait()
				if got := s.rec.testIDs(t); !slices.Equal(got, tt.first) {
					t.Errorf("events 1 to 5 published, then a request with %s: the client received events %v, want %v", s.header, got, tt.first)
				}
				l.Publish("event 6")
				synctest.Wait()
				if got := s.rec.testIDs(t); !slices.Equal(got, tt.then) {
					t.Errorf("then event 6 was published: the client has received events %v, want %v", got, tt.then)
				}
			})
		})
	}
}

func TestReturnsWhenClientLeaves(t *testing.T) {
	tests := []struct {
		name    string
		publish int // events published while the client is connected
	}{
		{"while waiting for the first event", 0},
		{"after two events", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				l := testLog(1)
				s := testOpen(l, "-")
				for i := range tt.publish {
					l.Publish(fmt.Sprintf("live %d", i))
				}
				synctest.Wait()
				if !s.testClose() {
					t.Errorf("the client went away (its request context was cancelled), and no event came after that: ServeHTTP has not returned; wait for r.Context().Done() as well as for the next event")
					s.testEnd(l)
				}
			})
		})
	}
}

// TestManyClients serves several clients at once while events are
// published; the tests run with -race.
func TestManyClients(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		l := testLog(3)
		var streams []*testStream
		for i := range 4 {
			streams = append(streams, testOpen(l, strconv.Itoa(i)))
		}
		var wg sync.WaitGroup
		for p := range 2 {
			wg.Go(func() {
				for i := range 5 {
					l.Publish(fmt.Sprintf("p%d-%d", p, i))
				}
			})
		}
		wg.Wait()
		synctest.Wait()
		for i, s := range streams {
			want := []int{}
			for id := i + 1; id <= 13; id++ {
				want = append(want, id)
			}
			if got := s.rec.testIDs(t); !slices.Equal(got, want) {
				t.Errorf("client %d (Last-Event-ID: %d) received events %v, want %v", i, i, got, want)
			}
		}
		for i, s := range streams {
			if !s.testClose() {
				t.Errorf("client %d went away, but its ServeHTTP has not returned", i)
			}
		}
		for _, s := range streams {
			s.testEnd(l)
		}
	})
}
