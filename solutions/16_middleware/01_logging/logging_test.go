package logging

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// testRunBubble runs f in a synctest bubble (fake time: sleeps are instant and
// durations exact), turning a leak report into an ordinary failure.
func testRunBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("goroutines were still running when the handler returned (a leak): %v", r)
		}
	}()
	synctest.Test(t, f)
}

// testServe runs one request through Logging and returns the answer and the
// JSON log lines.
func testServe(t *testing.T, h http.Handler, method, target string) (*httptest.ResponseRecorder, []map[string]any, string) {
	t.Helper()
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, nil))
	rec := httptest.NewRecorder()
	Logging(logger, h).ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	var lines []map[string]any
	for line := range strings.Lines(buf.String()) {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q is not JSON: %v", line, err)
		}
		lines = append(lines, m)
	}
	return rec, lines, buf.String()
}

func testOne(t *testing.T, req string, lines []map[string]any, raw string) map[string]any {
	t.Helper()
	if len(lines) != 1 {
		t.Fatalf("%s: %d log lines, want exactly 1; the log:\n%s", req, len(lines), raw)
	}
	return lines[0]
}

func TestLogsMethodPathStatus(t *testing.T) {
	tests := []struct {
		name    string
		method  string
		target  string
		handler http.HandlerFunc
		status  int
		path    string
	}{
		{"a handler that only writes a body (an implicit 200)", "GET", "/items",
			func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") }, 200, "/items"},
		{"a handler that writes nothing at all (also 200)", "GET", "/empty",
			func(w http.ResponseWriter, r *http.Request) {}, 200, "/empty"},
		{"201 Created", "POST", "/items",
			func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusCreated) }, 201, "/items"},
		{"404 from http.NotFound", "GET", "/missing",
			http.NotFound, 404, "/missing"},
		{"204 No Content", "DELETE", "/items/7",
			func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) }, 204, "/items/7"},
		{"only the first WriteHeader counts", "PUT", "/items/7",
			func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusBadRequest)
				w.WriteHeader(http.StatusInternalServerError)
			}, 400, "/items/7"},
		{"a WriteHeader after a Write does not count", "GET", "/late",
			func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, "ok")
				w.WriteHeader(http.StatusTeapot)
			}, 200, "/late"},
		{"the query string is not part of the path", "GET", "/search?q=ada&token=s3cret",
			func(w http.ResponseWriter, r *http.Request) {}, 200, "/search"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := tt.method + " " + tt.target
			rec, lines, raw := testServe(t, tt.handler, tt.method, tt.target)
			if rec.Code != tt.status {
				t.Errorf("%s: the client got status %d, want %d: the middleware must pass the response through unchanged", req, rec.Code, tt.status)
			}
			line := testOne(t, req, lines, raw)
			var wrong []string
			if line["level"] != "INFO" || line["msg"] != "request" {
				wrong = append(wrong, `level "INFO" and msg "request"`)
			}
			if line["method"] != tt.method {
				wrong = append(wrong, fmt.Sprintf("method %q", tt.method))
			}
			if line["path"] != tt.path {
				wrong = append(wrong, fmt.Sprintf("path %q (r.URL.Path)", tt.path))
			}
			if line["status"] != float64(tt.status) {
				wrong = append(wrong, fmt.Sprintf("status %d", tt.status))
			}
			if len(wrong) > 0 {
				t.Errorf("%s: logged %s\nwant %s", req, strings.TrimSpace(raw), strings.Join(wrong, ", "))
			}
			if strings.Contains(raw, "s3cret") {
				t.Errorf("%s: the log line %s contains the query string: tokens in URLs must not end up in logs", req, strings.TrimSpace(raw))
			}
		})
	}
}

func TestLogsDuration(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		slow := func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(250 * time.Millisecond) // fake time: instant, and exact
			fmt.Fprint(w, "done")
		}
		_, lines, raw := testServe(t, http.HandlerFunc(slow), "GET", "/slow")
		line := testOne(t, "GET /slow", lines, raw)
		want := 250 * time.Millisecond
		var got time.Duration
		switch d := line["duration"].(type) {
		case float64: // slog.Duration in a JSONHandler: nanoseconds
			got = time.Duration(d)
		case string: // a duration formatted as text, "250ms"
			t.Fatalf("GET /slow: logged duration as the string %q, want a time.Duration (slog.Duration, a number of nanoseconds in JSON)", d)
		default:
			t.Fatalf("GET /slow: logged %s, want a \"duration\" attribute (slog.Duration)", strings.TrimSpace(raw))
		}
		if got != want {
			t.Errorf("GET /slow, a handler that takes %v: logged duration %v, want %v (measure from before next.ServeHTTP to after it)", want, line["duration"], want)
		}
	})
}

func TestResponsePassesThrough(t *testing.T) {
	h := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Custom", "kept")
		w.WriteHeader(http.StatusAccepted)
		fmt.Fprint(w, "queued")
	}
	rec, _, _ := testServe(t, http.HandlerFunc(h), "POST", "/jobs")
	if rec.Code != 202 || rec.Body.String() != "queued" || rec.Header().Get("X-Custom") != "kept" {
		t.Errorf("POST /jobs through Logging: status %d, body %q, X-Custom %q; want 202, \"queued\", \"kept\"", rec.Code, rec.Body.String(), rec.Header().Get("X-Custom"))
	}
}

func TestWrapperUnwraps(t *testing.T) {
	var flushErr error
	h := func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "part one")
		flushErr = http.NewResponseController(w).Flush()
	}
	rec, _, _ := testServe(t, http.HandlerFunc(h), "GET", "/stream")
	if flushErr != nil {
		t.Errorf("behind Logging, http.NewResponseController(w).Flush() failed: %v; give your wrapper an Unwrap() http.ResponseWriter method", flushErr)
	}
	if !rec.Flushed {
		t.Errorf("behind Logging, Flush did not reach the original ResponseWriter")
	}
}
