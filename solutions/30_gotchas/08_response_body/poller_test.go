package poller

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// testNewServer starts a test server with a few health endpoints and counts
// the connections clients open to it.
func testNewServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("/down", func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/status", func(w http.ResponseWriter, _ *http.Request) {
		// A larger body than the transport reads ahead of the caller.
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"status":"ok","checks":[`+strings.Repeat(`{"name":"replica","ok":true},`, 600)+`{}]}`)
	})
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(mux)
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, &conns
}

// testTrackingTransport hands out response bodies that remember whether they
// were closed.
type testTrackingTransport struct {
	base   *http.Transport
	mu     sync.Mutex
	bodies []*testTrackedBody
}

type testTrackedBody struct {
	io.ReadCloser
	url    string
	closed atomic.Bool
}

func (b *testTrackedBody) Close() error {
	b.closed.Store(true)
	return b.ReadCloser.Close()
}

func (tt *testTrackingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := tt.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	b := &testTrackedBody{ReadCloser: resp.Body, url: req.URL.Path}
	resp.Body = b
	tt.mu.Lock()
	tt.bodies = append(tt.bodies, b)
	tt.mu.Unlock()
	return resp, nil
}

// unclosed counts, by URL path, the bodies that were never closed.
func (tt *testTrackingTransport) unclosed() map[string]int {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	out := map[string]int{}
	for _, b := range tt.bodies {
		if !b.closed.Load() {
			out[b.url]++
		}
	}
	return out
}

func testNewClient(t *testing.T) (*http.Client, *testTrackingTransport) {
	tr := &testTrackingTransport{base: &http.Transport{}}
	t.Cleanup(tr.base.CloseIdleConnections)
	return &http.Client{Transport: tr}, tr
}

func TestCheckAllReportsStatuses(t *testing.T) {
	srv, _ := testNewServer(t)
	gone := httptest.NewServer(http.NotFoundHandler())
	gone.Close() // nothing listens at its address any more
	client, _ := testNewClient(t)
	urls := []string{srv.URL + "/ok", srv.URL + "/down", srv.URL + "/missing", srv.URL + "/status", gone.URL + "/ok"}
	got := CheckAll(t.Context(), client, urls)
	if len(got) != len(urls) {
		t.Fatalf("CheckAll(%d URLs) returned %d statuses, want %d", len(urls), len(got), len(urls))
	}
	want := []struct {
		code      int
		unhealthy bool // Err wraps ErrUnhealthy
		err       bool // Err is not nil
	}{
		{200, false, false},
		{503, true, true},
		{404, true, true},
		{200, false, false},
		{0, false, true},
	}
	for i, w := range want {
		s := got[i]
		if s.URL != urls[i] || s.Code != w.code || errors.Is(s.Err, ErrUnhealthy) != w.unhealthy || (s.Err != nil) != w.err {
			t.Errorf("status %d of CheckAll = {URL: %q, Code: %d, Err: %v}, want URL %q, Code %d, an error: %v, wrapping ErrUnhealthy: %v",
				i, s.URL, s.Code, s.Err, urls[i], w.code, w.err, w.unhealthy)
		}
	}
}

// testPolls returns n rounds of checks of the server's endpoints.
func testPolls(srv *httptest.Server, rounds int) []string {
	var urls []string
	for range rounds {
		urls = append(urls, srv.URL+"/ok", srv.URL+"/down", srv.URL+"/status", srv.URL+"/missing")
	}
	return urls
}

func TestCheckAllClosesEveryBody(t *testing.T) {
	srv, _ := testNewServer(t)
	client, tr := testNewClient(t)
	urls := testPolls(srv, 3)
	CheckAll(t.Context(), client, urls)
	if open := tr.unclosed(); len(open) > 0 {
		var parts []string
		for _, path := range []string{"/ok", "/down", "/status", "/missing"} {
			if n := open[path]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d of %s", n, path))
			}
		}
		t.Errorf("CheckAll of %d URLs (/ok 200, /down 503, /status 200, /missing 404, three times each) left response bodies unclosed: %s; close every body, whatever the status",
			len(urls), strings.Join(parts, ", "))
	}
}

func TestCheckAllReusesTheConnection(t *testing.T) {
	srv, conns := testNewServer(t)
	client, _ := testNewClient(t)
	urls := testPolls(srv, 5)
	CheckAll(t.Context(), client, urls)
	if n := conns.Load(); n != 1 {
		t.Errorf("CheckAll of %d URLs on one server, one after another, opened %d connections to it, want 1: "+
			"a connection goes back to the client's pool only once its response body has been read to the end and closed", len(urls), n)
	}
}
