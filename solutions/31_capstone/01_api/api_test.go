package bookmarks

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// testFakeRepo answers every call with err, and counts the calls.
type testFakeRepo struct {
	err   error
	calls int
}

func (f *testFakeRepo) Create(context.Context, Input) (Bookmark, error) {
	f.calls++
	return Bookmark{}, f.err
}

func (f *testFakeRepo) Get(context.Context, int64) (Bookmark, error) {
	f.calls++
	return Bookmark{}, f.err
}

func (f *testFakeRepo) List(context.Context, string) ([]Bookmark, error) {
	f.calls++
	return nil, f.err
}

func (f *testFakeRepo) Update(context.Context, int64, Patch) (Bookmark, error) {
	f.calls++
	return Bookmark{}, f.err
}

func (f *testFakeRepo) Delete(context.Context, int64) error {
	f.calls++
	return f.err
}

type testCall struct {
	method string
	path   string
	body   string
}

// every route, with a valid request.
var testRoutes = []testCall{
	{"POST", "/bookmarks", `{"url":"https://go.dev","title":"Go"}`},
	{"GET", "/bookmarks", ""},
	{"GET", "/bookmarks?q=go", ""},
	{"GET", "/bookmarks/7", ""},
	{"PATCH", "/bookmarks/7", `{"title":"New"}`},
	{"DELETE", "/bookmarks/7", ""},
}

func testServe(h http.Handler, c testCall) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(c.method, c.path, strings.NewReader(c.body))
	req.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(rec, req)
	return rec
}

// testErrorBody decodes {"error": "..."} or fails the test.
func testErrorBody(t *testing.T, c testCall, rec *httptest.ResponseRecorder) string {
	t.Helper()
	var body struct {
		Error string `json:"error"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Error == "" {
		t.Fatalf("%s %s: status %d with body %q, want a JSON object {\"error\": \"...\"}", c.method, c.path, rec.Code, rec.Body.String())
	}
	return body.Error
}

func TestInternalErrorsLeakNothing(t *testing.T) {
	secret := errors.New("SQL logic error: no such table: bookmarks (1) in /var/lib/bookmarks/prod.db")
	for _, c := range testRoutes {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			var logs bytes.Buffer
			repo := &testFakeRepo{err: fmt.Errorf("query: %w", secret)}
			rec := testServe(NewHandler(repo, slog.New(slog.NewJSONHandler(&logs, nil))), c)
			if rec.Code != http.StatusInternalServerError {
				t.Fatalf("%s %s when the store fails with %q: status %d, want 500", c.method, c.path, secret, rec.Code)
			}
			for _, leak := range []string{"SQL", "no such table", "prod.db", "query"} {
				if strings.Contains(rec.Body.String(), leak) {
					t.Fatalf("%s %s: the 500 body %q contains %q: internal details go to the log, and the client gets a fixed message", c.method, c.path, rec.Body.String(), leak)
				}
			}
			testErrorBody(t, c, rec)
			if !strings.Contains(logs.String(), "no such table") {
				t.Errorf("%s %s: nothing about the store's error was logged (log output %q): log it with the API's logger, or nobody will ever know what failed", c.method, c.path, logs.String())
			}
		})
	}
}

func TestNotFoundIs404(t *testing.T) {
	for _, c := range testRoutes[3:] { // the routes with an id
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			repo := &testFakeRepo{err: fmt.Errorf("get bookmark 7: %w", ErrNotFound)}
			rec := testServe(NewHandler(repo, slog.New(slog.DiscardHandler)), c)
			if rec.Code != http.StatusNotFound {
				t.Fatalf("%s %s when the store says %q: status %d, want 404 (errors.Is(err, ErrNotFound))", c.method, c.path, repo.err, rec.Code)
			}
			testErrorBody(t, c, rec)
		})
	}
}

func TestInvalidBodiesAre422(t *testing.T) {
	tests := []struct {
		testCall
		fields []string
	}{
		{testCall{"POST", "/bookmarks", `{"url":"ftp://x","title":""}`}, []string{"title", "url"}},
		{testCall{"POST", "/bookmarks", `{"url":"https://go.dev","title":"   "}`}, []string{"title"}},
		{testCall{"PATCH", "/bookmarks/7", `{"url":"go.dev"}`}, []string{"url"}},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.body, func(t *testing.T) {
			repo := &testFakeRepo{}
			rec := testServe(NewHandler(repo, slog.New(slog.DiscardHandler)), tt.testCall)
			if rec.Code != http.StatusUnprocessableEntity {
				t.Fatalf("%s %s %s: status %d, body %q; want 422", tt.method, tt.path, tt.body, rec.Code, rec.Body.String())
			}
			var body struct {
				Fields map[string]string `json:"fields"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatalf("%s %s %s: body %q is not JSON", tt.method, tt.path, tt.body, rec.Body.String())
			}
			for _, f := range tt.fields {
				if body.Fields[f] == "" {
					t.Errorf("%s %s %s: the 422 body %q names no problem with %q", tt.method, tt.path, tt.body, rec.Body.String(), f)
				}
			}
			if repo.calls != 0 {
				t.Errorf("%s %s %s: the store was called although the body is invalid", tt.method, tt.path, tt.body)
			}
		})
	}
}
