package fetch

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testRunBubble runs f in a synctest bubble: time is fake (sleeps are instant and
// exact), and goroutines still running when f ends are reported as a leak.
func testRunBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		msg := fmt.Sprint(r)
		switch {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutines started by FetchAll were still running after it returned (a goroutine leak): FetchAll must wait until every goroutine it started has finished")
		case strings.HasPrefix(msg, "deadlock"):
			t.Fatalf("deadlock: every goroutine was blocked waiting for another one (%v)", msg)
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testFakeWeb is a fetch function whose calls take the given (fake) time and
// which records how often each URL was fetched.
type testFakeWeb struct {
	delay map[string]time.Duration
	mu    sync.Mutex
	calls map[string]int
}

func testNewFakeWeb(delay map[string]time.Duration) *testFakeWeb {
	return &testFakeWeb{delay: delay, calls: map[string]int{}}
}

func (w *testFakeWeb) fetch(url string) string {
	w.mu.Lock()
	w.calls[url]++
	w.mu.Unlock()
	time.Sleep(w.delay[url])
	return "<body of " + url + ">"
}

func testBodies(urls []string) []string {
	want := make([]string, len(urls))
	for i, u := range urls {
		want[i] = "<body of " + u + ">"
	}
	return want
}

func TestFetchAllResults(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name  string
		urls  []string
		delay map[string]time.Duration
	}{
		{"no URLs", []string{}, nil},
		{"one URL", []string{"a.example"}, map[string]time.Duration{"a.example": 50 * ms}},
		{"slowest first", []string{"slow.example", "fast.example", "mid.example"},
			map[string]time.Duration{"slow.example": 300 * ms, "fast.example": 100 * ms, "mid.example": 200 * ms}},
		{"same URL twice", []string{"a.example", "b.example", "a.example"},
			map[string]time.Duration{"a.example": 20 * ms, "b.example": 10 * ms}},
		{"instant fetches", []string{"x", "y", "z", "w"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				web := testNewFakeWeb(tt.delay)
				got := FetchAll(tt.urls, web.fetch)
				want := testBodies(tt.urls)
				if !slices.Equal(got, want) {
					t.Errorf("FetchAll(%q) = %q, want %q (results in the order of the URLs)", tt.urls, got, want)
				}
			})
		})
	}
}

func TestFetchAllRunsConcurrently(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		urls := []string{"a", "b", "c", "d", "e"}
		delay := map[string]time.Duration{}
		for _, u := range urls {
			delay[u] = 100 * time.Millisecond
		}
		web := testNewFakeWeb(delay)
		start := time.Now()
		FetchAll(urls, web.fetch)
		took := time.Since(start)
		switch {
		case took < 100*time.Millisecond:
			t.Errorf("FetchAll of 5 URLs taking 100ms each returned after %v, before the fetches were done: wait for the goroutines (sync.WaitGroup)", took)
		case took > 100*time.Millisecond:
			t.Errorf("FetchAll of 5 URLs taking 100ms each took %v, want 100ms: start all the fetches at once, and return as soon as the last one is done (wait for them, do not sleep)", took)
		}
	})
}

func TestFetchAllCallsEachOnce(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		urls := []string{"a", "b", "c", "a"}
		web := testNewFakeWeb(map[string]time.Duration{"a": time.Second, "b": 2 * time.Second})
		FetchAll(urls, web.fetch)
		web.mu.Lock()
		defer web.mu.Unlock()
		for _, w := range []struct {
			url string
			n   int
		}{{"a", 2}, {"b", 1}, {"c", 1}} {
			if u, n := w.url, w.n; web.calls[u] != n {
				t.Errorf("FetchAll(%q) fetched %q %d times, want %d", urls, u, web.calls[u], n)
			}
		}
	})
}
