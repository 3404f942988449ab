package logcorr

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

var testTracer = sdktrace.NewTracerProvider().Tracer("test")

// testLogger logs through NewHandler into a JSON handler writing to buf.
func testLogger(buf *bytes.Buffer, level slog.Level) *slog.Logger {
	return slog.New(NewHandler(slog.NewJSONHandler(buf, &slog.HandlerOptions{Level: level})))
}

// testRecord decodes the one JSON record in buf.
func testRecord(t *testing.T, buf *bytes.Buffer) map[string]any {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 1 || lines[0] == "" {
		t.Fatalf("one log call wrote %d lines, want 1:\n%s", len(lines), buf.String())
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &m); err != nil {
		t.Fatalf("log line %s is not JSON: %v", lines[0], err)
	}
	buf.Reset()
	return m
}

// testFind returns the value of key at the top of m or in any group below.
func testFind(m map[string]any, key string) (any, bool) {
	if v, ok := m[key]; ok {
		return v, true
	}
	for _, v := range m {
		if g, ok := v.(map[string]any); ok {
			if v, ok := testFind(g, key); ok {
				return v, true
			}
		}
	}
	return nil, false
}

func testWant(t *testing.T, call string, rec map[string]any, want map[string]string) {
	t.Helper()
	for k, w := range want {
		v, ok := testFind(rec, k)
		if !ok {
			t.Errorf("%s logged %v, with no %s; want %s=%q", call, rec, k, k, w)
		} else if v != w {
			t.Errorf("%s logged %s=%v, want %q", call, k, v, w)
		}
	}
}

func TestTraceAndSpanIDs(t *testing.T) {
	var buf bytes.Buffer
	log := testLogger(&buf, slog.LevelInfo)
	ctx, span := testTracer.Start(context.Background(), "request")
	defer span.End()
	sc := span.SpanContext()
	log.InfoContext(ctx, "hello", "k", "v")
	testWant(t, "InfoContext(ctx with a span, \"hello\", \"k\", \"v\")", testRecord(t, &buf), map[string]string{
		"msg": "hello", "k": "v", "trace_id": sc.TraceID().String(), "span_id": sc.SpanID().String(),
	})
}

func TestIDsOfTheActiveSpan(t *testing.T) {
	var buf bytes.Buffer
	log := testLogger(&buf, slog.LevelInfo)
	ctx, parent := testTracer.Start(context.Background(), "request")
	defer parent.End()
	childCtx, child := testTracer.Start(ctx, "query")
	defer child.End()

	log.InfoContext(childCtx, "in child")
	testWant(t, "InfoContext(ctx of a child span, ...)", testRecord(t, &buf), map[string]string{
		"trace_id": child.SpanContext().TraceID().String(),
		"span_id":  child.SpanContext().SpanID().String(),
	})
	log.InfoContext(ctx, "in parent")
	testWant(t, "InfoContext(ctx of the parent span, ...)", testRecord(t, &buf), map[string]string{
		"span_id": parent.SpanContext().SpanID().String(),
	})
}

func TestRequestID(t *testing.T) {
	var buf bytes.Buffer
	log := testLogger(&buf, slog.LevelInfo)
	ctx := WithRequestID(context.Background(), "req-42")
	log.InfoContext(ctx, "no span")
	testWant(t, "InfoContext(ctx with request ID req-42 and no span, ...)", testRecord(t, &buf), map[string]string{"request_id": "req-42"})

	ctx, span := testTracer.Start(ctx, "request")
	defer span.End()
	log.WarnContext(ctx, "with span")
	testWant(t, "WarnContext(ctx with request ID req-42 and a span, ...)", testRecord(t, &buf), map[string]string{
		"request_id": "req-42", "trace_id": span.SpanContext().TraceID().String(),
	})
}

func TestNothingAddedWithoutIDs(t *testing.T) {
	var buf bytes.Buffer
	log := testLogger(&buf, slog.LevelInfo)
	for name, ctx := range map[string]context.Context{
		"context.Background()":             context.Background(),
		"ctx with an invalid span context": trace.ContextWithSpanContext(context.Background(), trace.SpanContext{}),
	} {
		log.InfoContext(ctx, "plain")
		rec := testRecord(t, &buf)
		for _, k := range []string{"trace_id", "span_id", "request_id"} {
			if v, ok := testFind(rec, k); ok {
				t.Errorf("InfoContext(%s, \"plain\") logged %s=%v, want no %s: the context has none", name, k, v, k)
			}
		}
	}
}

func TestDerivedLoggersKeepIDs(t *testing.T) {
	var buf bytes.Buffer
	log := testLogger(&buf, slog.LevelInfo)
	ctx, span := testTracer.Start(WithRequestID(context.Background(), "req-7"), "request")
	defer span.End()
	want := map[string]string{
		"trace_id":   span.SpanContext().TraceID().String(),
		"span_id":    span.SpanContext().SpanID().String(),
		"request_id": "req-7",
	}

	log.With("user", "ada").InfoContext(ctx, "with")
	rec := testRecord(t, &buf)
	testWant(t, "log.With(\"user\", \"ada\").InfoContext(ctx, ...)", rec, want)
	testWant(t, "log.With(\"user\", \"ada\").InfoContext(ctx, ...)", rec, map[string]string{"user": "ada"})

	log.WithGroup("db").InfoContext(ctx, "grouped", "table", "users")
	rec = testRecord(t, &buf)
	testWant(t, "log.WithGroup(\"db\").InfoContext(ctx, ..., \"table\", \"users\")", rec, want)
	if g, _ := rec["db"].(map[string]any); g == nil || g["table"] != "users" {
		t.Errorf("log.WithGroup(\"db\").InfoContext(ctx, ..., \"table\", \"users\") logged %v, want \"table\" inside group \"db\"", rec)
	}
}

func TestLevelsStillApply(t *testing.T) {
	var buf bytes.Buffer
	log := testLogger(&buf, slog.LevelWarn)
	ctx, span := testTracer.Start(context.Background(), "request")
	defer span.End()
	log.InfoContext(ctx, "below the level")
	if buf.Len() != 0 {
		t.Errorf("with the wrapped handler at level WARN, InfoContext wrote %q, want nothing (ask the wrapped handler's Enabled)", buf.String())
	}
}
