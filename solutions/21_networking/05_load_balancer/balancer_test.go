package balancer

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// testBackend is one backend: it answers its name, and /healthz with
// health (200 by default).
type testBackend struct {
	srv    *httptest.Server
	health atomic.Int32
	hang   atomic.Bool
	checks chan struct{} // one value per /healthz request (if there is room)
}

func testBackends(t *testing.T, n int) ([]*testBackend, []*url.URL) {
	var bs []*testBackend
	var urls []*url.URL
	release := make(chan struct{})
	for i := range n {
		b := &testBackend{checks: make(chan struct{}, 100)}
		b.health.Store(http.StatusOK)
		name := fmt.Sprintf("backend %d", i)
		b.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/healthz" {
				select {
				case b.checks <- struct{}{}:
				default:
				}
				if b.hang.Load() {
					select {
					case <-release:
					case <-r.Context().Done():
					}
					return
				}
				w.WriteHeader(int(b.health.Load()))
				return
			}
			io.WriteString(w, name)
		}))
		t.Cleanup(b.srv.Close)
		u, _ := url.Parse(b.srv.URL)
		bs = append(bs, b)
		urls = append(urls, u)
	}
	// Cleanups run last first: let hanging handlers go before Close waits
	// for them.
	t.Cleanup(func() { close(release) })
	return bs, urls
}

// testCount sends n requests through the balancer and counts the answers
// by backend name.
func testCount(t *testing.T, lb http.Handler, n int) map[string]int {
	t.Helper()
	front := httptest.NewServer(lb)
	defer front.Close()
	got := map[string]int{}
	for range n {
		resp, err := http.Get(front.URL + "/")
		if err != nil {
			t.Fatalf("GET through the balancer: %v", err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			got[fmt.Sprint("status ", resp.StatusCode)]++
			continue
		}
		got[string(body)]++
	}
	return got
}

func testWant(pairs ...any) map[string]int {
	m := map[string]int{}
	for i := 0; i < len(pairs); i += 2 {
		m[pairs[i].(string)] = pairs[i+1].(int)
	}
	return m
}

func testSame(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestRoundRobin(t *testing.T) {
	_, urls := testBackends(t, 3)
	lb := New(urls, 5*time.Second)
	got := testCount(t, lb, 30)
	if want := testWant("backend 0", 10, "backend 1", 10, "backend 2", 10); !testSame(got, want) {
		t.Errorf("3 healthy backends, 30 requests: answered by %v, want %v", got, want)
	}
}

func TestDeadBackendSkipped(t *testing.T) {
	for _, tc := range []struct {
		name string
		kill func(b *testBackend)
	}{
		{"/healthz answers 503", func(b *testBackend) { b.health.Store(http.StatusServiceUnavailable) }},
		{"/healthz answers 404", func(b *testBackend) { b.health.Store(http.StatusNotFound) }},
		{"backend stopped", func(b *testBackend) { b.srv.Close() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bs, urls := testBackends(t, 3)
			lb := New(urls, 5*time.Second)
			tc.kill(bs[1])
			lb.CheckNow(context.Background())
			if i := lb.Next(); i == 1 {
				t.Errorf("backend 1 down (%s), after CheckNow: Next() = 1, want 0 or 2", tc.name)
			}
			got := testCount(t, lb, 30)
			if want := testWant("backend 0", 15, "backend 2", 15); !testSame(got, want) {
				t.Errorf("backend 1 down (%s), after CheckNow, 30 requests: answered by %v, want %v (skip the dead one, and keep the round robin even over the others)", tc.name, got, want)
			}
		})
	}
}

func TestBackendComesBack(t *testing.T) {
	bs, urls := testBackends(t, 3)
	lb := New(urls, 5*time.Second)
	bs[2].health.Store(http.StatusInternalServerError)
	lb.CheckNow(context.Background())
	bs[2].health.Store(http.StatusOK)
	lb.CheckNow(context.Background())
	got := testCount(t, lb, 30)
	if want := testWant("backend 0", 10, "backend 1", 10, "backend 2", 10); !testSame(got, want) {
		t.Errorf("backend 2 failed a check, then passed the next one; 30 requests: answered by %v, want %v (a backend that recovers must come back)", got, want)
	}
}

func TestAllDown(t *testing.T) {
	bs, urls := testBackends(t, 2)
	lb := New(urls, 5*time.Second)
	for _, b := range bs {
		b.health.Store(http.StatusServiceUnavailable)
	}
	lb.CheckNow(context.Background())
	if i := lb.Next(); i != -1 {
		t.Errorf("every backend down: Next() = %d, want -1", i)
	}
	got := testCount(t, lb, 3)
	if want := testWant("status 503", 3); !testSame(got, want) {
		t.Errorf("every backend down, 3 requests: answered by %v, want %v", got, want)
	}
}

func TestHealthTimeout(t *testing.T) {
	bs, urls := testBackends(t, 2)
	lb := New(urls, time.Second)
	bs[0].hang.Store(true)
	done := make(chan struct{})
	go func() {
		lb.CheckNow(context.Background())
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("backend 0's /healthz never answers, health timeout 1s: CheckNow had not returned after 10s")
	}
	got := testCount(t, lb, 4)
	if want := testWant("backend 1", 4); !testSame(got, want) {
		t.Errorf("backend 0's /healthz never answers, after CheckNow, 4 requests: answered by %v, want %v", got, want)
	}
}

// TestConcurrent calls Next from many goroutines while checks run; run with
// -race.
func TestConcurrent(t *testing.T) {
	_, urls := testBackends(t, 4)
	lb := New(urls, 5*time.Second)
	var mu sync.Mutex
	counts := map[string]int{}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				i := lb.Next()
				mu.Lock()
				counts[fmt.Sprint("backend ", i)]++
				mu.Unlock()
			}
		})
	}
	wg.Go(func() { lb.CheckNow(context.Background()) })
	wg.Wait()
	if want := testWant("backend 0", 100, "backend 1", 100, "backend 2", 100, "backend 3", 100); !testSame(counts, want) {
		t.Errorf("4 healthy backends, 8 goroutines calling Next 50 times each: got %v, want %v", counts, want)
	}
}

func TestRun(t *testing.T) {
	bs, urls := testBackends(t, 2)
	lb := New(urls, 5*time.Second)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		lb.Run(ctx, 10*time.Millisecond)
		close(done)
	}()
	for i := range 3 {
		select {
		case <-bs[1].checks:
		case <-time.After(5 * time.Second):
			t.Fatalf("Run(ctx, 10ms): only %d health checks of backend 1 in 5s, want one every 10ms", i)
		}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("Run had not returned 5s after ctx was cancelled")
	}
}
