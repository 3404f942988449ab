// Wrong: checks that the body contains the greeting text instead of parsing
// it as JSON, and only with plain names, so a body that is not valid JSON
// for a name with a quote passes.
package greet

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestGreet(t *testing.T) {
	tests := []struct {
		method, target string
		status         int
		contains       string
	}{
		{"GET", "/greet?name=Ada", 200, "Hello, Ada!"},
		{"GET", "/greet?name=Zoe", 200, "Hello, Zoe!"},
		{"GET", "/greet", 400, "missing name"},
		{"GET", "/greet?name=", 400, "missing name"},
		{"POST", "/greet?name=Ada", 405, ""},
		{"DELETE", "/greet?name=Ada", 405, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			rec := httptest.NewRecorder()
			Greet(rec, httptest.NewRequest(tt.method, tt.target, nil))
			res := rec.Result()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != tt.status {
				t.Errorf("status %d, want %d", res.StatusCode, tt.status)
			}
			if tt.status == http.StatusMethodNotAllowed {
				return
			}
			if ct := res.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			if !strings.Contains(string(body), tt.contains) {
				t.Errorf("body %q does not contain %q", body, tt.contains)
			}
		})
	}
}
