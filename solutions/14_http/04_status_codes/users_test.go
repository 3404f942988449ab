package users

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

type testStep struct {
	method, path, body string
	status             int
	location           string // the Location header a 201 must carry
}

// testDo sends one request and returns the response as the client sees it.
// Result() keeps the headers as they were when the status was written,
// as a real client would see them; final holds the headers as the handler
// left them, including any set too late to be sent.
func testDo(t *testing.T, h http.Handler, s testStep) (resp *http.Response, body string, final http.Header) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(s.method, s.path, strings.NewReader(s.body)))
	resp = rec.Result()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b), rec.Header()
}

func testRun(t *testing.T, steps []testStep) {
	t.Helper()
	h := NewMux(NewRegistry())
	for _, s := range steps {
		resp, body, final := testDo(t, h, s)
		req := s.method + " " + s.path
		if s.body != "" {
			req += " with body " + `"` + s.body + `"`
		}
		if resp.StatusCode != s.status {
			t.Fatalf("%s: status %d %s, want %d %s (body %q)", req, resp.StatusCode, http.StatusText(resp.StatusCode), s.status, http.StatusText(s.status), body)
		}
		if s.location != "" {
			if got := resp.Header.Get("Location"); got != s.location {
				if final.Get("Location") == s.location {
					t.Fatalf("%s: the response was sent with Location %q; the handler set %q after the status had gone out (set headers before WriteHeader)", req, got, s.location)
				}
				t.Fatalf("%s: Location header %q, want %q", req, got, s.location)
			}
		}
		if s.status == http.StatusNoContent && body != "" {
			t.Fatalf("%s: 204 No Content with the body %q, want no body at all", req, body)
		}
	}
}

func TestCreate(t *testing.T) {
	testRun(t, []testStep{
		{method: "POST", path: "/users", body: "ada", status: 201, location: "/users/ada"},
		{method: "POST", path: "/users", body: "grace42", status: 201, location: "/users/grace42"},
		{method: "GET", path: "/users/ada", status: 200},
	})
}

func TestCreateTaken(t *testing.T) {
	testRun(t, []testStep{
		{method: "POST", path: "/users", body: "ada", status: 201, location: "/users/ada"},
		{method: "POST", path: "/users", body: "ada", status: 409},
	})
}

func TestCreateInvalid(t *testing.T) {
	for _, name := range []string{"", "al", "Ada", "ada lovelace", "ada!", "an-underscore_", "averyveryverylongusername"} {
		t.Run(fmt.Sprintf("%q", name), func(t *testing.T) {
			testRun(t, []testStep{{method: "POST", path: "/users", body: name, status: 400}})
		})
	}
}

func TestShow(t *testing.T) {
	testRun(t, []testStep{
		{method: "GET", path: "/users/ada", status: 404},
		{method: "POST", path: "/users", body: "ada", status: 201, location: "/users/ada"},
		{method: "GET", path: "/users/ada", status: 200},
		{method: "GET", path: "/users/bob", status: 404},
	})
}

func TestDelete(t *testing.T) {
	testRun(t, []testStep{
		{method: "POST", path: "/users", body: "ada", status: 201, location: "/users/ada"},
		{method: "DELETE", path: "/users/ada", status: 204},
		{method: "GET", path: "/users/ada", status: 404},
		{method: "DELETE", path: "/users/ada", status: 404},
		{method: "POST", path: "/users", body: "ada", status: 201, location: "/users/ada"},
	})
}
