// Test the Greet handler without starting a server: httptest.NewRequest
// builds a request, httptest.NewRecorder records the answer, and
// rec.Result() is the response a client would get. Check status, headers
// and body. Your tests must fail on hidden broken versions of Greet.
package greet

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

// serve sends one request to Greet and returns the response a client
// would see, with its body read.
func serve(t *testing.T, method, target string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	Greet(rec, httptest.NewRequest(method, target, nil))
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("reading the body: %v", err)
	}
	return res, string(body)
}

// decode parses a JSON object of strings, failing the test if it is not one.
func decode(t *testing.T, body string) map[string]string {
	t.Helper()
	var m map[string]string
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatalf("body %q is not a JSON object of strings: %v", body, err)
	}
	return m
}

func TestGreet(t *testing.T) {
	names := []string{"Ada", "Zoë", `say "hi"`, `back\slash`, "🦫 gopher", "a&b"}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			res, body := serve(t, http.MethodGet, "/greet?name="+url.QueryEscape(name))
			if res.StatusCode != http.StatusOK {
				t.Errorf("status = %d, want %d", res.StatusCode, http.StatusOK)
			}
			if ct := res.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type = %q, want %q", ct, "application/json")
			}
			want := "Hello, " + name + "!"
			if got := decode(t, body)["greeting"]; got != want {
				t.Errorf("greeting = %q, want %q", got, want)
			}
		})
	}
}

func TestGreetMissingName(t *testing.T) {
	for _, target := range []string{"/greet", "/greet?name=", "/greet?other=x"} {
		t.Run(target, func(t *testing.T) {
			res, body := serve(t, http.MethodGet, target)
			if res.StatusCode != http.StatusBadRequest {
				t.Errorf("status = %d, want %d", res.StatusCode, http.StatusBadRequest)
			}
			if ct := res.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type = %q, want %q", ct, "application/json")
			}
			if got := decode(t, body)["error"]; got != "missing name" {
				t.Errorf("error = %q, want %q", got, "missing name")
			}
		})
	}
}

func TestGreetOtherMethods(t *testing.T) {
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		t.Run(method, func(t *testing.T) {
			res, _ := serve(t, method, "/greet?name=Ada")
			if res.StatusCode != http.StatusMethodNotAllowed {
				t.Errorf("status = %d, want %d", res.StatusCode, http.StatusMethodNotAllowed)
			}
			if allow := res.Header.Get("Allow"); allow != http.MethodGet {
				t.Errorf("Allow = %q, want %q", allow, http.MethodGet)
			}
		})
	}
}
