package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// testRunBubble runs f in a synctest bubble: time is fake and stands still
// unless the test sleeps, so refills are exact.
func testRunBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("goroutines were still running when the test ended (Allow must not start any): %v", r)
		}
	}()
	synctest.Test(t, f)
}

// testTake calls Allow n times for key and counts the successes.
func testTake(l *Limiter, key string, n int) int {
	ok := 0
	for range n {
		if allowed, _ := l.Allow(key); allowed {
			ok++
		}
	}
	return ok
}

func TestBurstThenLimit(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		l := NewLimiter(2, 5)
		if got := testTake(l, "a", 5); got != 5 {
			t.Fatalf("NewLimiter(2, 5): %d of the first 5 requests of a client allowed, want all 5 (the burst)", got)
		}
		allowed, wait := l.Allow("a")
		if allowed {
			t.Fatalf("NewLimiter(2, 5): the 6th request at the same instant was allowed, want it refused")
		}
		if wait != 500*time.Millisecond {
			t.Errorf("NewLimiter(2, 5): the refused 6th request must wait %v, want 500ms (one token every 1/2 s)", wait)
		}
	})
}

func TestRefill(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		l := NewLimiter(2, 5)
		testTake(l, "a", 5)
		time.Sleep(time.Second)
		if got := testTake(l, "a", 3); got != 2 {
			t.Errorf("NewLimiter(2, 5), bucket emptied, 1s later: %d of 3 requests allowed, want 2 (2 tokens per second)", got)
		}
		time.Sleep(250 * time.Millisecond)
		if allowed, wait := l.Allow("a"); allowed || wait != 250*time.Millisecond {
			t.Errorf("NewLimiter(2, 5), half a token refilled: Allow = %v, %v, want false, 250ms", allowed, wait)
		}
		time.Sleep(100 * time.Second)
		if got := testTake(l, "a", 8); got != 5 {
			t.Errorf("NewLimiter(2, 5), 100s later: %d of 8 requests at once allowed, want 5: the bucket never holds more than the burst", got)
		}
	})
}

func TestSlowRates(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		l := NewLimiter(0.5, 1) // one request every 2s
		if allowed, _ := l.Allow("a"); !allowed {
			t.Fatal("NewLimiter(0.5, 1): the first request was refused")
		}
		if allowed, wait := l.Allow("a"); allowed || wait != 2*time.Second {
			t.Errorf("NewLimiter(0.5, 1): the second request at once: Allow = %v, %v, want false, 2s", allowed, wait)
		}
		time.Sleep(1500 * time.Millisecond)
		if allowed, wait := l.Allow("a"); allowed || wait != 500*time.Millisecond {
			t.Errorf("NewLimiter(0.5, 1): 1.5s later: Allow = %v, %v, want false, 500ms", allowed, wait)
		}
	})
}

func TestClientsHaveTheirOwnBuckets(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		l := NewLimiter(2, 5)
		testTake(l, "a", 20)
		if got := testTake(l, "b", 6); got != 5 {
			t.Errorf("NewLimiter(2, 5): client a used up its bucket, then client b got %d of 6 requests, want 5: every client has a bucket of its own", got)
		}
		if got := testTake(l, "a", 1); got != 0 {
			t.Errorf("NewLimiter(2, 5): client a, bucket empty, was allowed again after client b's requests")
		}
	})
}

func TestConcurrentRequests(t *testing.T) {
	l := NewLimiter(0.001, 10)
	var allowed atomic.Int64
	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() {
			if ok, _ := l.Allow("a"); ok {
				allowed.Add(1)
			}
		})
	}
	wg.Wait()
	if got := allowed.Load(); got != 10 {
		t.Errorf("NewLimiter(0.001, 10): 100 requests of one client at once, %d allowed, want exactly 10", got)
	}
}

func TestIdleClientsAreForgotten(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		l := NewLimiter(2, 5)
		for i := range 1000 {
			l.Allow(fmt.Sprintf("client-%d", i))
		}
		if n := l.Len(); n != 1000 {
			t.Fatalf("after requests from 1000 clients, Len() = %d, want 1000", n)
		}
		time.Sleep(2 * time.Minute)
		l.Allow("x")
		if n := l.Len(); n != 1001 {
			t.Fatalf("1000 clients idle for 2 minutes, then client x: Len() = %d, want 1001 (forget clients after 3 minutes, not before)", n)
		}
		time.Sleep(2 * time.Minute)
		l.Allow("y")
		if n := l.Len(); n != 2 {
			t.Errorf("1000 clients idle for 4 minutes, x for 2 minutes, then client y: Len() = %d, want 2: forget the clients not seen for 3 minutes (look for them in Allow), or the map grows with every client ever seen", n)
		}
	})
}

func testServe(h http.Handler, remote, apiKey string, extra map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("GET", "/quote", nil)
	req.RemoteAddr = remote
	if apiKey != "" {
		req.Header.Set("X-API-Key", apiKey)
	}
	for k, v := range extra {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestMiddleware(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		var served int
		next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { served++ })
		h := NewLimiter(0.25, 2).Middleware(next) // a token every 4s
		for i := range 2 {
			if rec := testServe(h, "10.0.0.1:5000", "key-1", nil); rec.Code != http.StatusOK {
				t.Fatalf("request %d of X-API-Key key-1 (burst 2): status %d, want 200", i+1, rec.Code)
			}
		}
		rec := testServe(h, "10.0.0.1:5000", "key-1", nil)
		if rec.Code != http.StatusTooManyRequests {
			t.Fatalf("3rd request of X-API-Key key-1 (burst 2): status %d, want 429", rec.Code)
		}
		if got := rec.Header().Get("Retry-After"); got != "4" {
			t.Errorf("3rd request of key-1, a token every 4s: Retry-After %q, want \"4\" (whole seconds)", got)
		}
		if served != 2 {
			t.Errorf("the handler behind the limiter ran %d times for 2 allowed and 1 refused requests, want 2", served)
		}
		if rec := testServe(h, "10.0.0.1:5000", "key-2", nil); rec.Code != http.StatusOK {
			t.Errorf("first request of X-API-Key key-2, from the same IP as key-1: status %d, want 200: the API key names the client", rec.Code)
		}
		time.Sleep(3500 * time.Millisecond)
		rec = testServe(h, "10.0.0.1:5000", "key-1", nil)
		if got := rec.Header().Get("Retry-After"); rec.Code != 429 || got != "1" {
			t.Errorf("key-1 again 3.5s later (0.5s before its next token): status %d, Retry-After %q, want 429 and \"1\" (rounded up: never 0)", rec.Code, got)
		}
		for i := range 2 {
			if rec := testServe(h, "10.0.0.3:5000", "key-3", nil); rec.Code != http.StatusOK {
				t.Fatalf("request %d of X-API-Key key-3 (burst 2): status %d, want 200", i+1, rec.Code)
			}
		}
		time.Sleep(2500 * time.Millisecond)
		rec = testServe(h, "10.0.0.3:5000", "key-3", nil)
		if got := rec.Header().Get("Retry-After"); rec.Code != 429 || got != "2" {
			t.Errorf("key-3 again 2.5s after using its burst (1.5s before its next token): status %d, Retry-After %q, want 429 and \"2\" (1.5s rounded up)", rec.Code, got)
		}
	})
}

func TestClientsWithoutKeyAreTheirIP(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		h := NewLimiter(0.25, 2).Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
		testServe(h, "10.0.0.1:5000", "", nil)
		testServe(h, "10.0.0.1:5001", "", nil)
		if rec := testServe(h, "10.0.0.1:5002", "", nil); rec.Code != http.StatusTooManyRequests {
			t.Errorf("3 requests without X-API-Key from 10.0.0.1, on ports 5000, 5001 and 5002 (burst 2): the 3rd got %d, want 429: the client is the IP address, whatever the port", rec.Code)
		}
		if rec := testServe(h, "10.0.0.2:5000", "", nil); rec.Code != http.StatusOK {
			t.Errorf("first request from 10.0.0.2 after 10.0.0.1 used its burst: status %d, want 200", rec.Code)
		}
		if rec := testServe(h, "10.0.0.9:5000", "10.0.0.1", nil); rec.Code != http.StatusOK {
			t.Errorf("first request with X-API-Key \"10.0.0.1\" (from 10.0.0.9), after the address 10.0.0.1 used its burst: status %d, want 200: an API key and an IP address are different clients, even when they are spelled the same", rec.Code)
		}
		fake := map[string]string{"X-Forwarded-For": "203.0.113.7"}
		if rec := testServe(h, "10.0.0.1:5003", "", fake); rec.Code != http.StatusTooManyRequests {
			t.Errorf("10.0.0.1, over its limit, sent X-Forwarded-For: 203.0.113.7 and got %d, want 429: any client can send that header, so it must not choose the bucket", rec.Code)
		}
	})
}
