package main

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// testServer answers every request with status and a short body.
func testServer(t *testing.T, status int) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(status)
		w.Write([]byte(strings.Repeat("status ", 10)))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func testCheck(url string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return Check(ctx, url)
}

func TestCheckHealthy(t *testing.T) {
	for _, status := range []int{200, 204} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			srv := testServer(t, status)
			if err := testCheck(srv.URL+"/health", 5*time.Second); err != nil {
				t.Errorf("Check(a server answering %d) = %v, want nil", status, err)
			}
		})
	}
}

func TestCheckUnhealthy(t *testing.T) {
	for _, status := range []int{503, 500, 404, 429} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			srv := testServer(t, status)
			if err := testCheck(srv.URL+"/health", 5*time.Second); err == nil {
				t.Errorf("Check(a server answering %d) = nil, want an error", status)
			}
		})
	}
}

func TestCheckNothingListening(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	if err := testCheck("http://"+addr+"/health", 5*time.Second); err == nil {
		t.Errorf("Check(%s, where nothing listens) = nil, want an error", addr)
	}
}

func TestCheckGivesUpAtTheDeadline(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select { // a server that hangs
		case <-release:
		case <-time.After(time.Minute):
		}
	}))
	defer srv.Close()
	defer close(release)

	done := make(chan error, 1)
	go func() { done <- testCheck(srv.URL+"/health", 200*time.Millisecond) }()
	select {
	case err := <-done:
		if err == nil {
			t.Error("Check(a server that never answers, deadline 200ms) = nil, want an error")
		}
	case <-time.After(3 * time.Second):
		t.Error("Check(a server that never answers) had not returned 3s after its context's deadline (200ms)")
	}
}

func TestCheckClosesTheBody(t *testing.T) {
	var mu sync.Mutex
	open := map[net.Conn]bool{}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("ok ", 100)))
	}))
	srv.Config.ConnState = func(c net.Conn, s http.ConnState) {
		mu.Lock()
		defer mu.Unlock()
		if s == http.StateClosed || s == http.StateHijacked {
			delete(open, c)
		} else {
			open[c] = true
		}
	}
	srv.Start()
	defer srv.Close()

	// A context that stays alive: cancelling it would close the
	// connection whether or not the body was closed.
	ctx := t.Context()
	const checks = 10
	for range checks {
		if err := Check(ctx, srv.URL+"/health"); err != nil {
			t.Fatalf("Check(a server answering 200) = %v, want nil", err)
		}
	}
	// A closed body lets its connection be reused or closed; one left open
	// keeps its connection open. Give the closes time to arrive.
	n := 0
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		mu.Lock()
		n = len(open)
		mu.Unlock()
		if n <= 2 {
			return
		}
	}
	t.Errorf("after %d calls of Check, %d connections to the server were still open: "+
		"each response body left open holds its connection", checks, n)
}

func TestHealthcheckExitStatus(t *testing.T) {
	tests := []struct {
		name   string
		health int // status of /health; 0: nothing listening
		want   int
	}{
		{"/health answers 200", 200, 0},
		{"/health answers 503", 503, 1},
		{"nothing listening", 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var addr string
			if tt.health == 0 {
				ln, err := net.Listen("tcp", "127.0.0.1:0")
				if err != nil {
					t.Fatal(err)
				}
				addr = ln.Addr().String()
				ln.Close()
			} else {
				mux := http.NewServeMux()
				mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
					w.WriteHeader(tt.health)
				})
				srv := httptest.NewServer(mux) // anything but /health: 404
				defer srv.Close()
				addr = srv.Listener.Addr().String()
			}
			if got := healthcheck(addr); got != tt.want {
				t.Errorf("healthcheck(%q) with %s = %d, want %d", addr, tt.name, got, tt.want)
			}
		})
	}
}
