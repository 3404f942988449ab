package proxy

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// testSeen is what the backend saw of one request.
type testSeen struct {
	method, path, query, host, body string
	header                          http.Header
}

// testBackend records each request and answers 201 with a header and a body.
func testBackend(t *testing.T) (*httptest.Server, chan testSeen) {
	seen := make(chan testSeen, 10)
	b := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		seen <- testSeen{r.Method, r.URL.Path, r.URL.RawQuery, r.Host, string(body), r.Header.Clone()}
		w.Header().Set("X-Backend", "yes")
		w.WriteHeader(http.StatusCreated)
		io.WriteString(w, "from backend")
	}))
	t.Cleanup(b.Close)
	return b, seen
}

// testProxy starts New(target, timeout) behind a test server.
func testProxy(t *testing.T, target string, timeout time.Duration) *httptest.Server {
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	p := httptest.NewServer(New(u, timeout))
	t.Cleanup(p.Close)
	return p
}

var testClient = &http.Client{Timeout: 10 * time.Second}

// testDo sends a request through the proxy and returns status and body.
func testDo(t *testing.T, req *http.Request) (*http.Response, string) {
	t.Helper()
	resp, err := testClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s through the proxy: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestForwards(t *testing.T) {
	backend, seen := testBackend(t)
	proxy := testProxy(t, backend.URL+"/api", 5*time.Second)
	for _, tc := range []struct {
		name, method, path, body      string
		wantPath, wantQuery, wantBody string
	}{
		{"GET with a query", "GET", "/users?id=7", "", "/api/users", "id=7", ""},
		{"POST with a body", "POST", "/orders", `{"qty":2}`, "/api/orders", "", `{"qty":2}`},
		{"the root", "GET", "/", "", "/api/", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, proxy.URL+tc.path, strings.NewReader(tc.body))
			resp, body := testDo(t, req)
			var s testSeen
			select {
			case s = <-seen:
			default:
				t.Fatalf("%s %s through the proxy: the backend got no request", tc.method, tc.path)
			}
			if s.method != tc.method || s.path != tc.wantPath || s.query != tc.wantQuery || s.body != tc.wantBody {
				t.Errorf("%s %s through the proxy: the backend got %s %s ?%s with body %q; want %s %s ?%s with body %q",
					tc.method, tc.path, s.method, s.path, s.query, s.body, tc.method, tc.wantPath, tc.wantQuery, tc.wantBody)
			}
			if resp.StatusCode != http.StatusCreated || body != "from backend" || resp.Header.Get("X-Backend") != "yes" {
				t.Errorf("%s %s through the proxy: got %d, X-Backend %q, body %q; want the backend's answer: 201, X-Backend \"yes\", body \"from backend\"",
					tc.method, tc.path, resp.StatusCode, resp.Header.Get("X-Backend"), body)
			}
		})
	}
}

func TestForwardedHeaders(t *testing.T) {
	backend, seen := testBackend(t)
	proxy := testProxy(t, backend.URL, 5*time.Second)
	backendHost := strings.TrimPrefix(backend.URL, "http://")
	req, _ := http.NewRequest("GET", proxy.URL+"/whoami", nil)
	req.Host = "shop.example"
	req.Header.Set("X-Forwarded-For", "6.6.6.6")       // a client lying about its address
	req.Header.Set("X-Forwarded-Host", "evil.example") // and about the host
	testDo(t, req)
	s := <-seen
	for _, tc := range []struct{ name, got, want string }{
		{"X-Forwarded-For", s.header.Get("X-Forwarded-For"), "127.0.0.1"},
		{"X-Forwarded-Host", s.header.Get("X-Forwarded-Host"), "shop.example"},
		{"X-Forwarded-Proto", s.header.Get("X-Forwarded-Proto"), "http"},
		{"Host", s.host, backendHost},
	} {
		if tc.got != tc.want {
			t.Errorf("client at 127.0.0.1 sent Host: shop.example, X-Forwarded-For: 6.6.6.6, X-Forwarded-Host: evil.example; the backend saw %s %q, want %q",
				tc.name, tc.got, tc.want)
		}
	}
}

func TestHopByHopHeaders(t *testing.T) {
	backend, seen := testBackend(t)
	proxy := testProxy(t, backend.URL, 5*time.Second)
	req, _ := http.NewRequest("GET", proxy.URL+"/", nil)
	req.Header.Set("Connection", "X-Session-Secret")
	req.Header.Set("X-Session-Secret", "s3cr3t")
	req.Header.Set("X-Kept", "yes")
	testDo(t, req)
	s := <-seen
	if got := s.header.Get("X-Session-Secret"); got != "" {
		t.Errorf("the client sent Connection: X-Session-Secret (a hop-by-hop header, for the proxy only); the backend saw X-Session-Secret %q, want it removed", got)
	}
	if got := s.header.Get("X-Kept"); got != "yes" {
		t.Errorf("the client sent X-Kept: yes; the backend saw %q, want \"yes\"", got)
	}
}

func TestBackendDown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	proxy := testProxy(t, "http://"+addr, 5*time.Second)
	req, _ := http.NewRequest("GET", proxy.URL+"/users", nil)
	resp, body := testDo(t, req)
	if resp.StatusCode != http.StatusBadGateway {
		t.Errorf("GET /users with the backend down: status %d, want 502 Bad Gateway", resp.StatusCode)
	}
	if got := strings.TrimSpace(body); got != "backend unavailable" {
		t.Errorf("GET /users with the backend down: body %q, want \"backend unavailable\"", body)
	}
	for _, leak := range []string{addr, "dial", "refused"} {
		if strings.Contains(body, leak) {
			t.Errorf("GET /users with the backend down: body %q contains %q, want no detail of the error", body, leak)
		}
	}
}

func TestBackendTooSlow(t *testing.T) {
	release := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	defer close(release)
	proxy := testProxy(t, slow.URL, 200*time.Millisecond)
	req, _ := http.NewRequest("GET", proxy.URL+"/report", nil)
	var body string
	resp, err := (&http.Client{Timeout: 5 * time.Second}).Do(req)
	if err == nil {
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		body = string(b)
	} else {
		resp = nil
	}
	if resp == nil {
		t.Fatalf("GET /report, backend never answers, timeout 200ms: no answer from the proxy within 5s, want 504 after about 200ms")
	}
	if resp.StatusCode != http.StatusGatewayTimeout || strings.TrimSpace(body) != "backend timed out" {
		t.Errorf("GET /report, backend never answers, timeout 200ms: got %d %q, want 504 \"backend timed out\"", resp.StatusCode, body)
	}
}
