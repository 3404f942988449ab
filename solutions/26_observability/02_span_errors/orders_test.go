package orders

import (
	"context"
	"errors"
	"testing"

	"go.opentelemetry.io/otel/codes"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

var testErrDeclined = errors.New("card declined")

// testPayer remembers the span context it was called with.
type testPayer struct {
	err    error
	called bool
	sc     trace.SpanContext
}

func (p *testPayer) Charge(ctx context.Context, customer string, cents int) error {
	p.called = true
	p.sc = trace.SpanContextFromContext(ctx)
	return p.err
}

// testPlace calls Place under a caller span and returns the ended spans by
// name, the caller's span context and Place's error.
func testPlace(t *testing.T, payer *testPayer, customer string, cents int) (map[string]sdktrace.ReadOnlySpan, trace.SpanContext, error) {
	t.Helper()
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	ctx, caller := tp.Tracer("test").Start(context.Background(), "caller")
	err := New(tp, payer).Place(ctx, customer, cents)
	caller.End()
	if s, e := len(rec.Started()), len(rec.Ended()); s != e {
		t.Errorf("Place(ctx, %q, %d) started %d spans (with the caller's) and ended %d: end every span", customer, cents, s, e)
	}
	spans := map[string]sdktrace.ReadOnlySpan{}
	for _, s := range rec.Ended() {
		if s.Name() == "caller" {
			continue
		}
		if _, dup := spans[s.Name()]; dup {
			t.Errorf("Place(ctx, %q, %d) made two spans named %q, want one", customer, cents, s.Name())
		}
		spans[s.Name()] = s
	}
	return spans, caller.SpanContext(), err
}

func testGet(t *testing.T, spans map[string]sdktrace.ReadOnlySpan, name string) sdktrace.ReadOnlySpan {
	t.Helper()
	s, ok := spans[name]
	if !ok {
		var names []string
		for n := range spans {
			names = append(names, n)
		}
		t.Fatalf("no ended span named %q; ended spans: %q", name, names)
	}
	return s
}

func TestParentAndChildren(t *testing.T) {
	spans, caller, err := testPlace(t, &testPayer{}, "ada", 500)
	if err != nil {
		t.Fatalf("Place(ctx, \"ada\", 500) = %v, want nil", err)
	}
	place := testGet(t, spans, "order.place")
	if place.Parent().SpanID() != caller.SpanID() {
		t.Errorf("order.place has parent %s, want the caller's span %s (start it from the ctx Place was given)", place.Parent().SpanID(), caller.SpanID())
	}
	for _, name := range []string{"order.validate", "order.charge"} {
		t.Run(name, func(t *testing.T) {
			s := testGet(t, spans, name)
			if got, want := s.SpanContext().TraceID(), caller.TraceID(); got != want {
				t.Errorf("%s is in trace %s, want the caller's trace %s: start it from the ctx returned by starting order.place (a span started from a context that holds no span, such as context.Background(), begins a new trace)", name, got, want)
			}
			if got, want := s.Parent().SpanID(), place.SpanContext().SpanID(); got != want {
				t.Errorf("%s has parent span %s, want order.place (%s)", name, got, want)
			}
		})
	}
}

func TestPayerGetsChargeContext(t *testing.T) {
	payer := &testPayer{}
	spans, _, _ := testPlace(t, payer, "ada", 500)
	if !payer.called {
		t.Fatalf("Place(ctx, \"ada\", 500) never called payer.Charge")
	}
	charge := testGet(t, spans, "order.charge")
	if got, want := payer.sc.SpanID(), charge.SpanContext().SpanID(); got != want {
		name := "no span"
		for n, s := range spans {
			if s.SpanContext().SpanID() == got {
				name = n
			}
		}
		t.Errorf("payer.Charge got a ctx holding %s (%s), want order.charge (%s): pass it the ctx that starting order.charge returned", name, got, want)
	}
}

func TestErrorsAreRecorded(t *testing.T) {
	for _, tc := range []struct {
		name     string
		customer string
		cents    int
		payErr   error
		failed   []string // spans that must carry the error
		wantErr  error
	}{
		{"empty customer", "", 500, nil, []string{"order.validate", "order.place"}, ErrInvalid},
		{"zero amount", "ada", 0, nil, []string{"order.validate", "order.place"}, ErrInvalid},
		{"payment declined", "ada", 500, testErrDeclined, []string{"order.charge", "order.place"}, testErrDeclined},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spans, _, err := testPlace(t, &testPayer{err: tc.payErr}, tc.customer, tc.cents)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("Place(ctx, %q, %d) = %v, want an error wrapping %v", tc.customer, tc.cents, err, tc.wantErr)
			}
			for _, name := range tc.failed {
				s := testGet(t, spans, name)
				if s.Status().Code != codes.Error {
					t.Errorf("Place(ctx, %q, %d) returned error %q, but span %s has status %v, want Error (span.SetStatus(codes.Error, err.Error()))", tc.customer, tc.cents, err, name, s.Status().Code)
				}
				found := false
				for _, ev := range s.Events() {
					found = found || ev.Name == "exception"
				}
				if !found {
					t.Errorf("Place(ctx, %q, %d) returned error %q, but span %s has no exception event (span.RecordError(err)); events: %v", tc.customer, tc.cents, err, name, s.Events())
				}
			}
		})
	}
}

func TestSuccessIsNotAnError(t *testing.T) {
	spans, _, err := testPlace(t, &testPayer{}, "ada", 500)
	if err != nil {
		t.Fatalf("Place(ctx, \"ada\", 500) = %v, want nil", err)
	}
	for name, s := range spans {
		if s.Status().Code == codes.Error {
			t.Errorf("Place(ctx, \"ada\", 500) succeeded, but span %s has status Error (%q)", name, s.Status().Description)
		}
		for _, ev := range s.Events() {
			if ev.Name == "exception" {
				t.Errorf("Place(ctx, \"ada\", 500) succeeded, but span %s has an exception event %v", name, ev.Attributes)
			}
		}
	}
}
