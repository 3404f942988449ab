package observability

import (
	"context"
	"errors"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// ANCHOR: span
type shipping struct {
	tracer trace.Tracer
}

var errNoRoute = errors.New("no route to that country")

// quote prices a parcel. Its span ends however quote returns, and says why
// it failed when it does.
func (s *shipping) quote(ctx context.Context, country string, grams int) (int, error) {
	ctx, span := s.tracer.Start(ctx, "shipping.quote", trace.WithAttributes(
		attribute.String("parcel.country", country),
		attribute.Int("parcel.grams", grams),
	))
	defer span.End()

	rate, err := s.rate(ctx, country) // a child span: rate starts from ctx
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return 0, fmt.Errorf("quote: %w", err)
	}
	price := rate * grams / 1000
	span.SetAttributes(attribute.Int("parcel.price_cents", price))
	return price, nil
}

// ANCHOR_END: span

func (s *shipping) rate(ctx context.Context, country string) (int, error) {
	_, span := s.tracer.Start(ctx, "shipping.rate")
	defer span.End()
	if country != "FR" {
		err := errNoRoute
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return 0, err
	}
	return 900, nil
}

func Example_spans() {
	// ANCHOR: recorder
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	s := &shipping{tracer: tp.Tracer("shipping")}

	s.quote(context.Background(), "FR", 2500)
	s.quote(context.Background(), "XX", 100)

	for _, span := range rec.Ended() {
		parent := "root"
		for _, p := range rec.Ended() {
			if p.SpanContext().SpanID() == span.Parent().SpanID() {
				parent = "child of " + p.Name()
			}
		}
		fmt.Printf("%-14s %-22s %s\n", span.Name(), parent, span.Status().Code)
	}
	// ANCHOR_END: recorder

	// Output:
	// shipping.rate  child of shipping.quote Unset
	// shipping.quote root                   Unset
	// shipping.rate  child of shipping.quote Error
	// shipping.quote root                   Error
}
