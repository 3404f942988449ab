package recovery

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// testServe calls h through Recover; a panic that escapes is returned instead
// of crashing the test.
func testServe(h http.HandlerFunc, path string) (rec *httptest.ResponseRecorder, logs string, escaped any) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, nil))
	rec = httptest.NewRecorder()
	func() {
		defer func() { escaped = recover() }()
		Recover(logger, h).ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	}()
	return rec, buf.String(), escaped
}

func testErrorLines(logs string) []string {
	var out []string
	for line := range strings.Lines(logs) {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil && m["level"] == "ERROR" {
			out = append(out, strings.TrimSpace(line))
		}
	}
	return out
}

func TestNoPanicPassesThrough(t *testing.T) {
	rec, logs, _ := testServe(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Custom", "kept")
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, "made it")
	}, "/ok")
	if rec.Code != 201 || rec.Body.String() != "made it" || rec.Header().Get("X-Custom") != "kept" {
		t.Errorf("a handler that does not panic: status %d, body %q, X-Custom %q; want 201, \"made it\", \"kept\" (pass the response through untouched)", rec.Code, rec.Body.String(), rec.Header().Get("X-Custom"))
	}
	if l := testErrorLines(logs); len(l) > 0 {
		t.Errorf("a handler that does not panic: logged %q, want no ERROR line", l)
	}
}

func TestPanicBecomes500(t *testing.T) {
	tests := []struct {
		name  string
		value any
		text  string // what the log must show
	}{
		{"a string", "user 42: nil map in cache shard 7", "nil map in cache shard 7"},
		{"an error", fmt.Errorf("query failed: %w", errors.New("pq: password authentication failed for user \"billing\"")), "password authentication failed"},
		{"a runtime error", nil, "index out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := func(w http.ResponseWriter, r *http.Request) {
				if tt.value == nil {
					var s []int
					_ = s[3] // index out of range
				}
				panic(tt.value)
			}
			rec, logs, escaped := testServe(h, "/boom")
			if escaped != nil {
				t.Fatalf("the panic (%v) escaped Recover: recover() stops it only when called directly by a function deferred before next.ServeHTTP", escaped)
			}
			body := strings.TrimSpace(rec.Body.String())
			if rec.Code != http.StatusInternalServerError {
				t.Fatalf("a handler that panics with %s: status %d, want 500 (body %q)", tt.name, rec.Code, body)
			}
			var got map[string]any
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || got["error"] != "internal error" {
				t.Errorf("a handler that panics with %s: body %q, want {\"error\":\"internal error\"}", tt.name, body)
			}
			// Result has the headers as they were when the status was sent;
			// rec.Header() would also show those set too late.
			if ct := rec.Result().Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("a handler that panics: the response was sent with Content-Type %q, want application/json", ct)
			}
			for _, secret := range []string{tt.text, "goroutine", "panic"} {
				if strings.Contains(body, secret) {
					t.Errorf("a handler that panics with %s: the body %q shows %q to the client", tt.name, body, secret)
				}
			}
			lines := testErrorLines(logs)
			if len(lines) == 0 || !strings.Contains(strings.Join(lines, "\n"), tt.text) {
				t.Errorf("a handler that panics with %s: want an ERROR log line with the panic value (%q); the log:\n%s", tt.name, tt.text, logs)
			}
		})
	}
}

func TestServerKeepsServing(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, nil))
	mux := http.NewServeMux()
	mux.HandleFunc("GET /boom", func(w http.ResponseWriter, r *http.Request) { panic("boom") })
	mux.HandleFunc("GET /ok", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") })
	srv := httptest.NewUnstartedServer(Recover(logger, mux))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // keep net/http's own panic report quiet
	srv.Start()
	defer srv.Close()
	for _, step := range []struct {
		path   string
		status int
	}{{"/boom", 500}, {"/ok", 200}, {"/boom", 500}, {"/ok", 200}} {
		resp, err := srv.Client().Get(srv.URL + step.path)
		if err != nil {
			t.Fatalf("GET %s through a real server: %v (without recovery, net/http drops the connection of a panicking handler)", step.path, err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != step.status {
			t.Fatalf("GET %s through a real server: status %d, want %d", step.path, resp.StatusCode, step.status)
		}
	}
}

func TestAbortHandlerGoesOn(t *testing.T) {
	_, logs, escaped := testServe(func(w http.ResponseWriter, r *http.Request) {
		panic(http.ErrAbortHandler)
	}, "/abort")
	if escaped != http.ErrAbortHandler {
		t.Errorf("a handler that panics with http.ErrAbortHandler: Recover stopped the panic (got %v), want it to panic again with the same value", escaped)
	}
	if l := testErrorLines(logs); len(l) > 0 {
		t.Errorf("http.ErrAbortHandler is a deliberate abort, not a bug: logged %q, want no ERROR line", l)
	}
}
