package retry

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// testRunBubble runs f in a synctest bubble: time is fake, so backoff sleeps
// take no real time and last exactly as long as they should. The fake
// server is an http.RoundTripper in c.HTTP: a Get that sends its requests
// some other way would reach the real network, which a bubble cannot
// fake, so that is checked first, outside any bubble.
func testRunBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	if !testUsesItsClient() {
		t.Fatalf("Get did not send its request through c.HTTP (its Transport was never called): use c.HTTP.Do(req), not http.Get or http.DefaultClient, so that the client's settings (Timeout, Transport) apply")
	}
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("the bubble deadlocked, or goroutines were left running, when Get returned: %v", r)
		}
	}()
	synctest.Test(t, f)
}

var testUsesItsClient = sync.OnceValue(func() bool {
	var called atomic.Bool
	rt := testRoundTripFunc(func(req *http.Request) (*http.Response, error) {
		called.Store(true)
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader("ok")), Request: req}, nil
	})
	c := &Client{HTTP: &http.Client{Transport: rt, Timeout: time.Second}, MaxAttempts: 1, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond, Jitter: testNoJitter}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	c.Get(ctx, "http://127.0.0.1:1/check") // nothing listens on port 1: a real request fails at once
	return called.Load()
})

type testRoundTripFunc func(*http.Request) (*http.Response, error)

func (f testRoundTripFunc) RoundTrip(req *http.Request) (*http.Response, error) {
	return f(req)
}

// testStep is what the fake server does for one attempt.
type testStep struct {
	status     int
	retryAfter string
	err        error // a connection error instead of an answer
	hang       bool  // never answer: wait until the request's context ends
}

// testFakeServer is an http.RoundTripper that plays steps, one per attempt
// (the last one again and again), and records the attempts.
type testFakeServer struct {
	steps []testStep

	mu       sync.Mutex
	attempts []time.Time
	bodies   []*testTrackedBody
}

type testTrackedBody struct {
	io.Reader
	closed atomic.Bool
}

func (b *testTrackedBody) Close() error {
	b.closed.Store(true)
	return nil
}

var testErrRefused = errors.New("connect: connection refused")

// testEndless is how many attempts the fake server accepts before it answers
// 200 to stop a client that would never give up.
const testEndless = 100

func (f *testFakeServer) RoundTrip(req *http.Request) (*http.Response, error) {
	f.mu.Lock()
	n := len(f.attempts)
	f.attempts = append(f.attempts, time.Now())
	s := f.steps[min(n, len(f.steps)-1)]
	if n >= testEndless {
		s = testStep{status: 200}
	}
	f.mu.Unlock()
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	if s.hang {
		<-req.Context().Done()
		return nil, req.Context().Err()
	}
	if s.err != nil {
		return nil, s.err
	}
	body := &testTrackedBody{Reader: strings.NewReader(fmt.Sprintf("answer %d", n+1))}
	f.mu.Lock()
	f.bodies = append(f.bodies, body)
	f.mu.Unlock()
	h := http.Header{}
	if s.retryAfter != "" {
		h.Set("Retry-After", s.retryAfter)
	}
	return &http.Response{StatusCode: s.status, Header: h, Body: body, Request: req}, nil
}

// waits are the times between attempts.
func (f *testFakeServer) waits() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	var w []time.Duration
	for i := 1; i < len(f.attempts); i++ {
		w = append(w, f.attempts[i].Sub(f.attempts[i-1]))
	}
	return w
}

func (f *testFakeServer) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.attempts)
}

func testNoJitter(d time.Duration) time.Duration { return d }

// testClient returns a Client talking to f: 4 attempts, 100ms base, 1s max,
// no jitter (the waits are exact), 5s per attempt.
func testClient(f *testFakeServer) *Client {
	return &Client{
		HTTP:        &http.Client{Transport: f, Timeout: 5 * time.Second},
		MaxAttempts: 4,
		BaseDelay:   100 * time.Millisecond,
		MaxDelay:    time.Second,
		Jitter:      testNoJitter,
	}
}

func testMs(ds ...int) []time.Duration {
	out := make([]time.Duration, len(ds))
	for i, d := range ds {
		out[i] = time.Duration(d) * time.Millisecond
	}
	return out
}

func TestFirstAttemptSucceeds(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		f := &testFakeServer{steps: []testStep{{status: 200}}}
		body, err := testClient(f).Get(context.Background(), "http://backend/items")
		if err != nil || string(body) != "answer 1" {
			t.Fatalf("Get with a server answering 200: %q, %v; want \"answer 1\", nil", body, err)
		}
		if n := f.count(); n != 1 {
			t.Errorf("Get with a server answering 200 made %d attempts, want 1", n)
		}
	})
}

func TestRetriesServerErrors(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		f := &testFakeServer{steps: []testStep{{status: 503}, {status: 500}, {status: 502}, {status: 200}}}
		body, err := testClient(f).Get(context.Background(), "http://backend/items")
		if err != nil || string(body) != "answer 4" {
			t.Fatalf("Get with a server answering 503, 500, 502, then 200 (4 attempts allowed): %q, %v; want \"answer 4\", nil", body, err)
		}
		if got, want := f.waits(), testMs(100, 200, 400); !slices.Equal(got, want) {
			t.Errorf("Get with a server answering 503, 500, 502, then 200, base delay 100ms: waited %v between the attempts, want %v (doubling each time)", got, want)
		}
	})
}

func TestGivesUp(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		f := &testFakeServer{steps: []testStep{{status: 500}}}
		c := testClient(f)
		c.MaxAttempts = 6
		_, err := c.Get(context.Background(), "http://backend/items")
		n := f.count()
		if n != 6 {
			t.Fatalf("Get with a server that always answers 500, MaxAttempts 6: %d attempts, want 6", n)
		}
		var se *StatusError
		if !errors.As(err, &se) || se.Code != 500 {
			t.Errorf("Get with a server that always answers 500: error %v, want one wrapping the last *StatusError (500)", err)
		}
		if got, want := f.waits(), testMs(100, 200, 400, 800, 1000); !slices.Equal(got, want) {
			t.Errorf("always 500, base delay 100ms, MaxDelay 1s: waited %v between the 6 attempts, want %v", got, want)
		}
	})
}

func TestClientErrorsAreNotRetried(t *testing.T) {
	for _, code := range []int{400, 401, 403, 404, 409, 422} {
		t.Run(strconv.Itoa(code), func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				f := &testFakeServer{steps: []testStep{{status: code}, {status: 200}}}
				_, err := testClient(f).Get(context.Background(), "http://backend/items")
				if n := f.count(); n != 1 {
					t.Errorf("Get with a server answering %d: %d attempts, want 1: a 4xx says the request is wrong, and sending it again changes nothing", code, n)
				}
				var se *StatusError
				if !errors.As(err, &se) || se.Code != code {
					t.Errorf("Get with a server answering %d: error %v, want a *StatusError with Code %d", code, err, code)
				}
			})
		})
	}
}

func TestRetriesConnectionErrors(t *testing.T) {
	t.Run("refused twice", func(t *testing.T) {
		testRunBubble(t, func(t *testing.T) {
			f := &testFakeServer{steps: []testStep{{err: testErrRefused}, {err: testErrRefused}, {status: 200}}}
			body, err := testClient(f).Get(context.Background(), "http://backend/items")
			if err != nil || string(body) != "answer 3" || f.count() != 3 {
				t.Errorf("Get with a connection refused twice, then 200: %q, %v after %d attempts; want \"answer 3\", nil after 3", body, err, f.count())
			}
		})
	})
	t.Run("always refused", func(t *testing.T) {
		testRunBubble(t, func(t *testing.T) {
			f := &testFakeServer{steps: []testStep{{err: testErrRefused}}}
			_, err := testClient(f).Get(context.Background(), "http://backend/items")
			if f.count() != 4 || !errors.Is(err, testErrRefused) {
				t.Errorf("Get with every connection refused: %v after %d attempts; want 4 attempts and an error wrapping %q", err, f.count(), testErrRefused)
			}
		})
	})
}

func TestEachAttemptHasATimeLimit(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		f := &testFakeServer{steps: []testStep{{hang: true}, {status: 200}}}
		c := testClient(f)
		start := time.Now()
		body, err := c.Get(context.Background(), "http://backend/items")
		if err != nil || string(body) != "answer 2" {
			t.Fatalf("Get with a first attempt that never gets an answer, then 200: %q, %v; want \"answer 2\", nil", body, err)
		}
		if took := time.Since(start); took != 5*time.Second+100*time.Millisecond {
			t.Errorf("a first attempt that hangs, c.HTTP.Timeout 5s, then 200 after a 100ms wait: took %v, want 5.1s", took)
		}
	})
}

func TestRetryAfter(t *testing.T) {
	tests := []struct {
		name  string
		steps []testStep
		wait  time.Duration
	}{
		{"429 with Retry-After: 3", []testStep{{status: 429, retryAfter: "3"}, {status: 200}}, 3 * time.Second},
		{"503 with Retry-After: 2", []testStep{{status: 503, retryAfter: "2"}, {status: 200}}, 2 * time.Second},
		{"429 without Retry-After", []testStep{{status: 429}, {status: 200}}, 100 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				f := &testFakeServer{steps: tt.steps}
				body, err := testClient(f).Get(context.Background(), "http://backend/items")
				if err != nil || string(body) != "answer 2" {
					t.Fatalf("%s, then 200: %q, %v; want \"answer 2\", nil", tt.name, body, err)
				}
				if got := f.waits(); !slices.Equal(got, []time.Duration{tt.wait}) {
					t.Errorf("%s, then 200: waited %v, want [%v]", tt.name, got, tt.wait)
				}
			})
		})
	}
}

func TestCancelDuringWait(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		f := &testFakeServer{steps: []testStep{{status: 503}}}
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(150*time.Millisecond, cancel)
		start := time.Now()
		_, err := testClient(f).Get(ctx, "http://backend/items")
		took := time.Since(start)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Get cancelled at 150ms, during the wait before the 3rd attempt: error %v, want one wrapping context.Canceled", err)
		}
		if took != 150*time.Millisecond || f.count() != 2 {
			t.Errorf("Get cancelled at 150ms (attempts at 0 and 100ms, the next one due at 300ms): returned after %v and %d attempts, want at 150ms after 2: wait with a select on ctx.Done(), not time.Sleep", took, f.count())
		}
	})
}

func TestContextAlreadyDone(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		f := &testFakeServer{steps: []testStep{{status: 200}}}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		time.Sleep(2 * time.Second)
		start := time.Now()
		_, err := testClient(f).Get(ctx, "http://backend/items")
		if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) != 0 {
			t.Errorf("Get with a context past its deadline: error %v after %v, want context.DeadlineExceeded at once, without retrying", err, time.Since(start))
		}
	})
}

func TestDefaultJitter(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		f := &testFakeServer{steps: []testStep{{status: 500}}}
		c := testClient(f)
		c.Jitter = nil
		c.MaxAttempts = 5
		c.Get(context.Background(), "http://backend/items")
		want := testMs(100, 200, 400, 800)
		got := f.waits()
		if len(got) != len(want) {
			t.Fatalf("always 500, 5 attempts: %d waits, want %d", len(got), len(want))
		}
		for i, w := range got {
			if w < want[i]/2 || w > want[i] {
				t.Errorf("with Jitter nil, wait %d was %v, want between %v and %v (equal jitter: half the delay, plus a random part of the other half)", i+1, w, want[i]/2, want[i])
			}
		}
	})
}

func TestBodiesAreClosed(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		f := &testFakeServer{steps: []testStep{{status: 500}, {status: 429}, {status: 200}}}
		if _, err := testClient(f).Get(context.Background(), "http://backend/items"); err != nil {
			t.Fatalf("Get: %v", err)
		}
		for i, b := range f.bodies {
			if !b.closed.Load() {
				t.Errorf("the body of answer %d was never closed: every response body must be closed, or its connection leaks", i+1)
			}
		}
	})
}

func TestNewClient(t *testing.T) {
	c := NewClient()
	if c.HTTP == nil || c.HTTP.Timeout <= 0 {
		t.Errorf("NewClient().HTTP has no Timeout: without one, an attempt to a backend that never answers waits for ever")
	}
	if c.MaxAttempts < 2 || c.BaseDelay <= 0 || c.MaxDelay < c.BaseDelay {
		t.Errorf("NewClient() = %+v: want MaxAttempts >= 2 and 0 < BaseDelay <= MaxDelay", c)
	}
}

func TestRealServer(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) < 3 {
			http.Error(w, "try again", http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "finally")
	}))
	defer srv.Close()
	c := &Client{HTTP: srv.Client(), MaxAttempts: 3, BaseDelay: time.Millisecond, MaxDelay: 5 * time.Millisecond}
	c.HTTP.Timeout = 5 * time.Second
	body, err := c.Get(t.Context(), srv.URL)
	if err != nil || string(body) != "finally" || calls.Load() != 3 {
		t.Errorf("Get from a real server answering 503 twice, then 200: %q, %v after %d requests; want \"finally\", nil after 3", body, err, calls.Load())
	}
}
