package cors

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

var testAllowed = []string{"https://app.example.com", "http://localhost:5173"}

type testResult struct {
	rec    *httptest.ResponseRecorder
	called bool
}

func testServe(method string, headers map[string]string) testResult {
	var res testResult
	h := CORS(testAllowed, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		res.called = true
		w.Write([]byte("data"))
	}))
	req := httptest.NewRequest(method, "/api/items", nil)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res.rec = httptest.NewRecorder()
	h.ServeHTTP(res.rec, req)
	return res
}

// testList reports whether the comma-separated values of header name
// contain want, compared case-insensitively.
func testList(h http.Header, name, want string) bool {
	for _, line := range h.Values(name) {
		for v := range strings.SplitSeq(line, ",") {
			if strings.EqualFold(strings.TrimSpace(v), want) {
				return true
			}
		}
	}
	return false
}

func testCheckVary(t *testing.T, what string, h http.Header) {
	t.Helper()
	if !testList(h, "Vary", "Origin") {
		t.Errorf("%s: Vary = %q, want it to include Origin (the response depends on the Origin header)", what, h.Values("Vary"))
	}
}

func TestAllowedOrigin(t *testing.T) {
	for _, origin := range testAllowed {
		for _, method := range []string{"GET", "POST", "DELETE"} {
			t.Run(method+" from "+origin, func(t *testing.T) {
				what := method + " with Origin: " + origin
				res := testServe(method, map[string]string{"Origin": origin})
				if !res.called {
					t.Fatalf("%s: the handler was not called", what)
				}
				h := res.rec.Header()
				if got := h.Get("Access-Control-Allow-Origin"); got != origin {
					t.Errorf("%s: Access-Control-Allow-Origin = %q, want %q", what, got, origin)
				}
				if got := h.Get("Access-Control-Allow-Credentials"); got != "true" {
					t.Errorf("%s: Access-Control-Allow-Credentials = %q, want \"true\"", what, got)
				}
				testCheckVary(t, what, h)
			})
		}
	}
}

var testOthers = []string{
	"https://evil.example",
	"https://app.example.com.evil.example",
	"https://notapp.example.com",
	"http://app.example.com",
	"https://app.example.com:8443",
	"http://localhost:5174",
	"null",
}

func TestOtherOrigins(t *testing.T) {
	for _, origin := range testOthers {
		t.Run(origin, func(t *testing.T) {
			what := "GET with Origin: " + origin
			res := testServe("GET", map[string]string{"Origin": origin})
			if !res.called {
				t.Errorf("%s: the handler was not called; requests from other origins still go to the handler (the browser keeps the page from reading the answer)", what)
			}
			h := res.rec.Header()
			if got := h.Get("Access-Control-Allow-Origin"); got != "" {
				t.Errorf("%s: Access-Control-Allow-Origin = %q, want no such header for an origin that is not listed", what, got)
			}
			if got := h.Get("Access-Control-Allow-Credentials"); got != "" {
				t.Errorf("%s: Access-Control-Allow-Credentials = %q, want no such header", what, got)
			}
			testCheckVary(t, what, h)
		})
	}
}

func TestNoOrigin(t *testing.T) {
	res := testServe("GET", nil)
	if !res.called {
		t.Fatalf("GET without Origin: the handler was not called")
	}
	if got := res.rec.Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("GET without Origin: Access-Control-Allow-Origin = %q, want no such header", got)
	}
	testCheckVary(t, "GET without Origin", res.rec.Header())
}

func TestPreflightAllowed(t *testing.T) {
	for _, origin := range testAllowed {
		t.Run(origin, func(t *testing.T) {
			what := "preflight (OPTIONS, Access-Control-Request-Method: PUT) from " + origin
			res := testServe("OPTIONS", map[string]string{
				"Origin":                         origin,
				"Access-Control-Request-Method":  "PUT",
				"Access-Control-Request-Headers": "content-type,authorization",
			})
			if res.called {
				t.Errorf("%s: the handler was called; answer a preflight in the middleware", what)
			}
			if c := res.rec.Code; c < 200 || c > 299 {
				t.Errorf("%s: status %d, want 204", what, c)
			}
			h := res.rec.Header()
			if got := h.Get("Access-Control-Allow-Origin"); got != origin {
				t.Errorf("%s: Access-Control-Allow-Origin = %q, want %q", what, got, origin)
			}
			if got := h.Get("Access-Control-Allow-Credentials"); got != "true" {
				t.Errorf("%s: Access-Control-Allow-Credentials = %q, want \"true\"", what, got)
			}
			if !testList(h, "Access-Control-Allow-Methods", "PUT") {
				t.Errorf("%s: Access-Control-Allow-Methods = %q, want it to include PUT", what, h.Values("Access-Control-Allow-Methods"))
			}
			for _, name := range []string{"Content-Type", "Authorization"} {
				if !testList(h, "Access-Control-Allow-Headers", name) {
					t.Errorf("%s: Access-Control-Allow-Headers = %q, want it to include %s", what, h.Values("Access-Control-Allow-Headers"), name)
				}
			}
			testCheckVary(t, what, h)
		})
	}
}

func TestPreflightOther(t *testing.T) {
	for _, origin := range testOthers {
		t.Run(origin, func(t *testing.T) {
			what := "preflight (OPTIONS, Access-Control-Request-Method: DELETE) from " + origin
			res := testServe("OPTIONS", map[string]string{
				"Origin":                        origin,
				"Access-Control-Request-Method": "DELETE",
			})
			if res.called {
				t.Errorf("%s: the handler was called; answer a preflight in the middleware", what)
			}
			h := res.rec.Header()
			for _, name := range []string{"Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods"} {
				if got := h.Get(name); got != "" {
					t.Errorf("%s: %s = %q, want no such header", what, name, got)
				}
			}
		})
	}
}

func TestOptionsWithoutRequestMethodIsNotPreflight(t *testing.T) {
	res := testServe("OPTIONS", map[string]string{"Origin": testAllowed[0]})
	if !res.called {
		t.Errorf("OPTIONS with an Origin but no Access-Control-Request-Method: the handler was not called; this is not a preflight, so it goes to the handler")
	}
}
