// Place is traced, but its trace tells lies: the charge span starts a new
// trace of its own, and a failed order looks like a successful one. Fix it:
//
//   - "order.validate" and "order.charge" are children of "order.place":
//     start them from the ctx that starting "order.place" returned;
//   - payer.Charge gets the ctx of "order.charge", so the payment service's
//     own spans become its children;
//   - every error is recorded, with span.RecordError(err) and
//     span.SetStatus(codes.Error, err.Error()), on the span where it
//     happened AND on "order.place"; a successful order sets no error status;
//   - every span ends.
//
// Done when the hidden tests pass: they read the spans back from memory.
package orders

import (
	"context"
	"errors"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// ErrInvalid is returned (wrapped) for an order that fails validation.
var ErrInvalid = errors.New("orders: invalid order")

// Payer charges a customer. In production it is a client of another service.
type Payer interface {
	Charge(ctx context.Context, customer string, cents int) error
}

// Service places orders.
type Service struct {
	tracer trace.Tracer
	payer  Payer
}

// New returns a Service that traces with a tracer of tp and charges with payer.
func New(tp trace.TracerProvider, payer Payer) *Service {
	return &Service{tracer: tp.Tracer("orders"), payer: payer}
}

// Place validates an order (a customer name and a positive amount) and
// charges it.
func (s *Service) Place(ctx context.Context, customer string, cents int) error {
	ctx, span := s.tracer.Start(ctx, "order.place",
		trace.WithAttributes(attribute.String("order.customer", customer)))
	defer span.End()

	if err := s.validate(ctx, customer, cents); err != nil {
		return fail(span, err)
	}
	if err := s.charge(ctx, customer, cents); err != nil {
		return fail(span, err)
	}
	return nil
}

func (s *Service) validate(ctx context.Context, customer string, cents int) error {
	_, span := s.tracer.Start(ctx, "order.validate")
	defer span.End()
	if customer == "" || cents <= 0 {
		return fail(span, fmt.Errorf("%w: customer %q, %d cents", ErrInvalid, customer, cents))
	}
	return nil
}

func (s *Service) charge(ctx context.Context, customer string, cents int) error {
	ctx, span := s.tracer.Start(ctx, "order.charge",
		trace.WithAttributes(attribute.Int("order.cents", cents)))
	defer span.End()
	if err := s.payer.Charge(ctx, customer, cents); err != nil {
		return fail(span, fmt.Errorf("charge %s: %w", customer, err))
	}
	return nil
}

// fail records err on span, marks the span as failed and returns err.
func fail(span trace.Span, err error) error {
	span.RecordError(err)
	span.SetStatus(codes.Error, err.Error())
	return err
}
