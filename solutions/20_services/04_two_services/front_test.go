package main

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// testBackend is a fake users service on a real port.
type testBackend struct {
	srv *httptest.Server

	mu         sync.Mutex
	requestIDs []string
	cancelled  chan struct{} // closed when a hanging request's context ends
}

// testNewBackend serves handler (nil: users); a handler may hang with b.hang(r).
func testNewBackend(t *testing.T, handler func(b *testBackend, w http.ResponseWriter, r *http.Request)) *testBackend {
	t.Helper()
	b := &testBackend{cancelled: make(chan struct{})}
	b.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b.mu.Lock()
		b.requestIDs = append(b.requestIDs, r.Header.Get("X-Request-ID"))
		b.mu.Unlock()
		if handler == nil {
			testUsers(w, r)
			return
		}
		handler(b, w, r)
	}))
	t.Cleanup(func() {
		b.srv.CloseClientConnections()
		b.srv.Close()
	})
	return b
}

// hang waits until the front gives up on the request.
func (b *testBackend) hang(r *http.Request) {
	<-r.Context().Done()
	select {
	case <-b.cancelled:
	default:
		close(b.cancelled)
	}
}

// testUsers is a working users service: it knows ada.
func testUsers(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	switch r.URL.Path {
	case "/users/ada":
		io.WriteString(w, `{"id":"ada","name":"Ada Lovelace","email":"ada@example.com"}`)
	case "/users/ada/orders":
		io.WriteString(w, `[{"id":1,"total":12.5},{"id":2,"total":99}]`)
	default:
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"error":"no such user"}`)
	}
}

// testFrontFor starts the front, on a real port too, talking to b.
func testFrontFor(t *testing.T, b *testBackend, timeout time.Duration) string {
	t.Helper()
	logger := slog.New(slog.NewJSONHandler(io.Discard, nil))
	front := httptest.NewServer(NewFront(b.srv.URL, timeout, logger))
	t.Cleanup(func() {
		// Cut the front's calls to the backend first: a front stuck on
		// its backend would keep front.Close waiting.
		b.srv.CloseClientConnections()
		front.Close()
	})
	return front.URL
}

type testAnswer struct {
	code int
	body string
	json map[string]any
	took time.Duration
}

// testGet asks the front; a front that has not answered after 3s is stuck.
func testGet(t *testing.T, url string, header map[string]string) testAnswer {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	start := time.Now()
	resp, err := (&http.Client{Timeout: 3 * time.Second}).Do(req)
	if err != nil {
		t.Fatalf("GET %s: no answer from the front (%v) after %v: it must never hang on its backend", req.URL.Path, err, time.Since(start).Round(time.Millisecond))
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	a := testAnswer{code: resp.StatusCode, body: strings.TrimSpace(string(body)), took: time.Since(start)}
	json.Unmarshal(body, &a.json)
	return a
}

func TestProfile(t *testing.T) {
	b := testNewBackend(t, nil)
	front := testFrontFor(t, b, time.Second)
	a := testGet(t, front+"/profile/ada", nil)
	var got Profile
	if err := json.Unmarshal([]byte(a.body), &got); a.code != 200 || err != nil {
		t.Fatalf("GET /profile/ada with a working backend: %d %s, want 200 and the profile", a.code, a.body)
	}
	if got.User.ID != "ada" || got.User.Name != "Ada Lovelace" || len(got.Orders) != 2 || got.Orders[1].Total != 99 {
		t.Errorf("GET /profile/ada: %s, want the user ada (Ada Lovelace) with her 2 orders", a.body)
	}
}

func TestUnknownUser(t *testing.T) {
	b := testNewBackend(t, nil)
	a := testGet(t, testFrontFor(t, b, time.Second)+"/profile/nobody", nil)
	if a.code != http.StatusNotFound {
		t.Errorf("GET /profile/nobody, a user the backend answers 404 for: %d %s, want 404", a.code, a.body)
	}
}

// testCheckNoLeak fails when the answer tells internal details.
func testCheckNoLeak(t *testing.T, what string, a testAnswer, backendURL string) {
	t.Helper()
	if _, ok := a.json["error"]; !ok {
		t.Errorf("%s: body %s, want a JSON object with an \"error\"", what, a.body)
	}
	host := strings.TrimPrefix(backendURL, "http://")
	for _, secret := range []string{host, "dial", "connection refused", "EOF", "invalid character", "status 500"} {
		if strings.Contains(a.body, secret) {
			t.Errorf("%s: the body %s tells the client %q: internal details belong in the logs", what, a.body, secret)
			return
		}
	}
}

func TestBackendDown(t *testing.T) {
	b := testNewBackend(t, nil)
	front := testFrontFor(t, b, time.Second)
	b.srv.Close() // nothing listens there any more
	a := testGet(t, front+"/profile/ada", nil)
	if a.code != http.StatusBadGateway {
		t.Errorf("GET /profile/ada with the backend down: %d %s, want 502 Bad Gateway", a.code, a.body)
	}
	testCheckNoLeak(t, "GET /profile/ada with the backend down", a, b.srv.URL)
}

func TestBackendFailing(t *testing.T) {
	tests := []struct {
		name    string
		handler func(b *testBackend, w http.ResponseWriter, r *http.Request)
	}{
		{"the backend answers 500 for the user", func(b *testBackend, w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/users/ada" {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusInternalServerError)
				io.WriteString(w, `{"error":"database is down"}`)
				return
			}
			testUsers(w, r)
		}},
		{"the backend answers 503 for the orders only", func(b *testBackend, w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/orders") {
				http.Error(w, "overloaded", http.StatusServiceUnavailable)
				return
			}
			testUsers(w, r)
		}},
		{"the backend answers 200 with HTML", func(b *testBackend, w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, "<html>maintenance</html>")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := testNewBackend(t, tt.handler)
			a := testGet(t, testFrontFor(t, b, time.Second)+"/profile/ada", nil)
			if a.code != http.StatusBadGateway {
				t.Errorf("GET /profile/ada when %s: %d %s, want 502 Bad Gateway", tt.name, a.code, a.body)
			}
			testCheckNoLeak(t, "GET /profile/ada when "+tt.name, a, b.srv.URL)
		})
	}
}

func TestTimeoutCoversBothCalls(t *testing.T) {
	// Each backend call takes 1.5s: one after the other they need 3s, more
	// than the 2s the front may spend on them together. (Wide margins: a
	// loaded machine must not turn a right answer into a wrong one.)
	b := testNewBackend(t, func(b *testBackend, w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(1500 * time.Millisecond):
			testUsers(w, r)
		case <-r.Context().Done():
		}
	})
	a := testGet(t, testFrontFor(t, b, 2*time.Second)+"/profile/ada", nil)
	if a.took > 2700*time.Millisecond {
		t.Errorf("GET /profile/ada, each backend call taking 1.5s, timeout 2s: %d after %v, want an answer within about 2s: the timeout bounds the two backend calls together", a.code, a.took.Round(time.Millisecond))
	}
}

func TestSlowBackend(t *testing.T) {
	b := testNewBackend(t, func(b *testBackend, w http.ResponseWriter, r *http.Request) { b.hang(r) })
	a := testGet(t, testFrontFor(t, b, 200*time.Millisecond)+"/profile/ada", nil)
	if a.code != http.StatusGatewayTimeout {
		t.Errorf("GET /profile/ada with a backend that never answers, timeout 200ms: %d %s after %v, want 504 Gateway Timeout", a.code, a.body, a.took.Round(time.Millisecond))
	}
	if a.took > time.Second {
		t.Errorf("GET /profile/ada with a backend that never answers, timeout 200ms: answered after %v, want about 200ms", a.took.Round(time.Millisecond))
	}
	testCheckNoLeak(t, "GET /profile/ada with a backend that never answers", a, b.srv.URL)
	select {
	case <-b.cancelled:
	case <-time.After(time.Second):
		t.Errorf("the front answered, but its call to the backend was never cancelled: make the request with the context that has the deadline (http.NewRequestWithContext)")
	}
}

func TestClientLeavingCancelsTheBackendCall(t *testing.T) {
	b := testNewBackend(t, func(b *testBackend, w http.ResponseWriter, r *http.Request) { b.hang(r) })
	front := testFrontFor(t, b, 10*time.Second)
	client := &http.Client{Timeout: 100 * time.Millisecond} // gives up after 100ms
	if resp, err := client.Get(front + "/profile/ada"); err == nil {
		resp.Body.Close()
	}
	select {
	case <-b.cancelled:
	case <-time.After(2 * time.Second):
		t.Errorf("the client gave up after 100ms, but the front's call to the backend still ran 2s later: derive its context from r.Context()")
	}
}

func TestRequestIDIsForwarded(t *testing.T) {
	b := testNewBackend(t, nil)
	testGet(t, testFrontFor(t, b, time.Second)+"/profile/ada", map[string]string{"X-Request-ID": "req-7f3a"})
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.requestIDs) != 2 || b.requestIDs[0] != "req-7f3a" || b.requestIDs[1] != "req-7f3a" {
		t.Errorf("GET /profile/ada with X-Request-ID: req-7f3a: the backend's 2 requests carried the IDs %q, want \"req-7f3a\" on both, so that one request can be followed across the services' logs", b.requestIDs)
	}
}
