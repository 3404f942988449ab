// Wrong: reads Content-Type from rec.Header(), the handler's own map, not
// from the response a client gets, so a header set too late passes.
package greet

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

func TestGreet(t *testing.T) {
	tests := []struct {
		method, target string
		status         int
		key, want      string
	}{
		{"GET", "/greet?name=Ada", 200, "greeting", "Hello, Ada!"},
		{"GET", "/greet?name=" + url.QueryEscape(`a"b`), 200, "greeting", `Hello, a"b!`},
		{"GET", "/greet", 400, "error", "missing name"},
		{"GET", "/greet?name=", 400, "error", "missing name"},
		{"POST", "/greet?name=Ada", 405, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			rec := httptest.NewRecorder()
			Greet(rec, httptest.NewRequest(tt.method, tt.target, nil))
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d", rec.Code, tt.status)
			}
			if tt.key == "" {
				if rec.Header().Get("Allow") != http.MethodGet {
					t.Errorf("Allow %q", rec.Header().Get("Allow"))
				}
				return
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			var body map[string]string
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body[tt.key] != tt.want {
				t.Errorf("body %q (%v), want %s=%q", rec.Body.String(), err, tt.key, tt.want)
			}
		})
	}
}
