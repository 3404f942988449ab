package main

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// testLines parses what a logger wrote: one JSON object per line.
func testLines(t *testing.T, what string, out *bytes.Buffer) []map[string]any {
	t.Helper()
	var records []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if line == "" {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("%s wrote the line %q, which is not a JSON object: use slog.NewJSONHandler", what, line)
		}
		records = append(records, rec)
	}
	return records
}

// testNewLogger calls NewLogger with a buffer, and returns the logger and a
// function that reads back what it wrote.
func testNewLogger(t *testing.T, level string) (*slog.Logger, func() []map[string]any) {
	t.Helper()
	var out bytes.Buffer
	logger, err := NewLogger(&out, level)
	if err != nil {
		t.Fatalf("NewLogger(w, %q): error %v, want a logger", level, err)
	}
	if logger == nil {
		t.Fatalf("NewLogger(w, %q) returned a nil logger", level)
	}
	return logger, func() []map[string]any { return testLines(t, "NewLogger's logger", &out) }
}

func TestNewLoggerWritesJSON(t *testing.T) {
	l, records := testNewLogger(t, "info")
	l.Info("order placed", "order_id", 42, "paid", true)
	recs := records()
	if len(recs) != 1 {
		t.Fatalf("logger.Info(\"order placed\", \"order_id\", 42, \"paid\", true) wrote %d lines, want 1", len(recs))
	}
	r := recs[0]
	for _, f := range []string{"time", "level", "msg"} {
		if _, ok := r[f]; !ok {
			t.Errorf("the JSON line %v has no %q field", r, f)
		}
	}
	if r["msg"] != "order placed" || r["level"] != "INFO" || r["order_id"] != 42.0 || r["paid"] != true {
		t.Errorf("logger.Info(\"order placed\", \"order_id\", 42, \"paid\", true) wrote %v, want msg \"order placed\", level \"INFO\", order_id 42 (a number) and paid true", r)
	}
}

func TestNewLoggerLevels(t *testing.T) {
	all := []string{"DEBUG", "INFO", "WARN", "ERROR"}
	tests := []struct {
		level string
		want  []string
	}{
		{"debug", all},
		{"info", all[1:]},
		{"", all[1:]},
		{"warn", all[2:]},
		{"error", all[3:]},
		{"DEBUG", all},
		{"Warn", all[2:]},
	}
	for _, tt := range tests {
		name := tt.level
		if name == "" {
			name = "empty"
		}
		t.Run(name, func(t *testing.T) {
			l, records := testNewLogger(t, tt.level)
			l.Debug("a debug record")
			l.Info("an info record")
			l.Warn("a warn record")
			l.Error("an error record")
			var got []string
			for _, r := range records() {
				got = append(got, r["level"].(string))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("NewLogger(w, %q), then one record at each level: the lines written have the levels %q, want %q", tt.level, got, tt.want)
			}
		})
	}
}

func TestNewLoggerRejectsUnknownLevels(t *testing.T) {
	for _, level := range []string{"verbose", "everything", "5"} {
		var out bytes.Buffer
		if _, err := NewLogger(&out, level); err == nil {
			t.Errorf("NewLogger(w, %q): no error, want one (a typo in LOG_LEVEL must not silently log at some other level)", level)
		}
	}
}

func TestRequestLogLines(t *testing.T) {
	tests := []struct {
		name   string
		status int // 0: the handler only writes a body
		level  string
	}{
		{"a handler that only writes a body", 0, "INFO"},
		{"201 Created", http.StatusCreated, "INFO"},
		{"304 Not Modified", http.StatusNotModified, "INFO"},
		{"400 Bad Request", http.StatusBadRequest, "WARN"},
		{"404 Not Found", http.StatusNotFound, "WARN"},
		{"499", 499, "WARN"},
		{"500 Internal Server Error", http.StatusInternalServerError, "ERROR"},
		{"503 Service Unavailable", http.StatusServiceUnavailable, "ERROR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, records := testNewLogger(t, "debug")
			h := LogRequests(l, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tt.status != 0 {
					w.WriteHeader(tt.status)
				}
				w.Write([]byte("body"))
			}))
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/orders/7?token=abc", nil))
			recs := records()
			if len(recs) != 1 {
				t.Fatalf("one request through LogRequests wrote %d log lines, want 1", len(recs))
			}
			r := recs[0]
			wantStatus := tt.status
			if wantStatus == 0 {
				wantStatus = 200
			}
			if r["msg"] != "request" || r["method"] != "POST" || r["path"] != "/orders/7" || r["status"] != float64(wantStatus) {
				t.Errorf("POST /orders/7?token=abc answered %d: logged %v, want msg \"request\", method \"POST\", path \"/orders/7\" and status %d (a number)", wantStatus, r, wantStatus)
			}
			if _, ok := r["duration"]; !ok {
				t.Errorf("the request log line %v has no \"duration\" field", r)
			}
			if r["level"] != tt.level {
				t.Errorf("a request answered %d was logged at level %v, want %s (INFO below 400, WARN for 4xx, ERROR for 5xx)", wantStatus, r["level"], tt.level)
			}
		})
	}
}
