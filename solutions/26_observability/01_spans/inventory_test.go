package inventory

import (
	"context"
	"errors"
	"testing"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

func testSetup() (*Inventory, *tracetest.SpanRecorder, *sdktrace.TracerProvider) {
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	inv := New(tp, map[string]int{"apple": 5, "pear": 0})
	return inv, rec, tp
}

func testAttr(span sdktrace.ReadOnlySpan, key string) (attribute.Value, bool) {
	for _, kv := range span.Attributes() {
		if string(kv.Key) == key {
			return kv.Value, true
		}
	}
	return attribute.Value{}, false
}

var testCases = []struct {
	name    string
	id      string
	want    int
	wantErr error
}{
	{"found", "apple", 5, nil},
	{"found with zero stock", "pear", 0, nil},
	{"unknown id", "plum", 0, ErrNotFound},
	{"empty id", "", 0, ErrInvalidID},
}

func TestResults(t *testing.T) {
	for _, tc := range testCases {
		t.Run(tc.name, func(t *testing.T) {
			inv, _, _ := testSetup()
			got, err := inv.Stock(context.Background(), tc.id)
			if got != tc.want || !errors.Is(err, tc.wantErr) {
				t.Errorf("Stock(ctx, %q) = %d, %v, want %d, %v", tc.id, got, err, tc.want, tc.wantErr)
			}
		})
	}
}

func TestEverySpanEnds(t *testing.T) {
	for _, tc := range testCases {
		t.Run(tc.name, func(t *testing.T) {
			inv, rec, _ := testSetup()
			inv.Stock(context.Background(), tc.id)
			started, ended := len(rec.Started()), len(rec.Ended())
			if started != 1 {
				t.Fatalf("Stock(ctx, %q) started %d spans, want 1 (start it with inv.tracer, the tracer of the provider given to New)", tc.id, started)
			}
			if ended != 1 {
				t.Fatalf("Stock(ctx, %q) started 1 span and ended %d: a span must end on every path out of the function (defer span.End() right after Start)", tc.id, ended)
			}
			if name := rec.Ended()[0].Name(); name != "inventory.stock" {
				t.Errorf("Stock(ctx, %q) made a span named %q, want %q", tc.id, name, "inventory.stock")
			}
		})
	}
}

func TestAttributes(t *testing.T) {
	for _, tc := range testCases {
		t.Run(tc.name, func(t *testing.T) {
			inv, rec, _ := testSetup()
			inv.Stock(context.Background(), tc.id)
			spans := rec.Ended()
			if len(spans) != 1 {
				t.Fatalf("Stock(ctx, %q) ended %d spans, want 1", tc.id, len(spans))
			}
			span := spans[0]
			v, ok := testAttr(span, "item.id")
			switch {
			case !ok:
				t.Errorf("Stock(ctx, %q): the span has no attribute item.id; attributes: %v", tc.id, span.Attributes())
			case v.Type() != attribute.STRING || v.AsString() != tc.id:
				t.Errorf("Stock(ctx, %q): attribute item.id = %s %q, want STRING %q", tc.id, v.Type(), v.Emit(), tc.id)
			}
			if tc.wantErr != nil {
				return
			}
			v, ok = testAttr(span, "item.stock")
			switch {
			case !ok:
				t.Errorf("Stock(ctx, %q) found the item but the span has no attribute item.stock; attributes: %v", tc.id, span.Attributes())
			case v.Type() != attribute.INT64 || v.AsInt64() != int64(tc.want):
				t.Errorf("Stock(ctx, %q): attribute item.stock = %s %q, want INT64 %d (attribute.Int)", tc.id, v.Type(), v.Emit(), tc.want)
			}
		})
	}
}

func TestSpanIsChildOfCaller(t *testing.T) {
	inv, rec, tp := testSetup()
	ctx, parent := tp.Tracer("caller").Start(context.Background(), "caller")
	inv.Stock(ctx, "apple")
	parent.End()
	for _, s := range rec.Ended() {
		if s.Name() == "caller" {
			continue
		}
		want := parent.SpanContext()
		if s.Parent().SpanID() != want.SpanID() || s.SpanContext().TraceID() != want.TraceID() {
			t.Errorf("Stock(ctx, \"apple\") with ctx holding span %s of trace %s: its span has parent %s in trace %s; start the span from the ctx Stock was given",
				want.SpanID(), want.TraceID(), s.Parent().SpanID(), s.SpanContext().TraceID())
		}
		return
	}
	t.Fatalf("Stock(ctx, \"apple\") ended no span")
}
