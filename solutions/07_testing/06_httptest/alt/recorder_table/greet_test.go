// One table of requests with expected status, headers and decoded body, checked on rec.Result() through a helper named result.
package greet

import (
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

type result struct {
	status int
	header http.Header
	body   map[string]string
	raw    string
}

func call(method, target string) result {
	rec := httptest.NewRecorder()
	Greet(rec, httptest.NewRequest(method, target, nil))
	res := rec.Result()
	raw, _ := io.ReadAll(res.Body)
	r := result{status: res.StatusCode, header: res.Header, raw: string(raw)}
	if json.Unmarshal(raw, &r.body) != nil {
		r.body = nil
	}
	return r
}

func TestGreetTable(t *testing.T) {
	quote := `O"Brien`
	tests := []struct {
		name   string
		method string
		target string
		status int
		allow  string
		body   map[string]string // nil: not checked
	}{
		{"plain name", "GET", "/greet?name=Ada", 200, "", map[string]string{"greeting": "Hello, Ada!"}},
		{"quote in name", "GET", "/greet?name=" + url.QueryEscape(quote), 200, "", map[string]string{"greeting": "Hello, " + quote + "!"}},
		{"accents and emoji", "GET", "/greet?name=" + url.QueryEscape("José 🎉"), 200, "", map[string]string{"greeting": "Hello, José 🎉!"}},
		{"no name", "GET", "/greet", 400, "", map[string]string{"error": "missing name"}},
		{"empty name", "GET", "/greet?name=", 400, "", map[string]string{"error": "missing name"}},
		{"POST", "POST", "/greet?name=Ada", 405, "GET", nil},
		{"DELETE", "DELETE", "/greet?name=Ada", 405, "GET", nil},
		{"PUT", "PUT", "/greet?name=Ada", 405, "GET", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := call(tt.method, tt.target)
			if r.status != tt.status {
				t.Errorf("%s %s: status %d, want %d", tt.method, tt.target, r.status, tt.status)
			}
			if tt.allow != "" && r.header.Get("Allow") != tt.allow {
				t.Errorf("%s %s: Allow %q, want %q", tt.method, tt.target, r.header.Get("Allow"), tt.allow)
			}
			if tt.body == nil {
				return
			}
			if ct := r.header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("%s %s: Content-Type %q, want application/json", tt.method, tt.target, ct)
			}
			if !maps.Equal(r.body, tt.body) {
				t.Errorf("%s %s: body %q, want JSON %v", tt.method, tt.target, r.raw, tt.body)
			}
		})
	}
}
