// Alternative: each function records its error in one deferred closure
// over a named result, instead of at each return.
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

// end records *errp on span when it is not nil, then ends the span.
func end(span trace.Span, errp *error) {
	if err := *errp; err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
	span.End()
}

// Place validates an order (a customer name and a positive amount) and
// charges it.
func (s *Service) Place(ctx context.Context, customer string, cents int) (err error) {
	ctx, span := s.tracer.Start(ctx, "order.place",
		trace.WithAttributes(attribute.String("order.customer", customer)))
	defer end(span, &err)

	if err = s.validate(ctx, customer, cents); err != nil {
		return err
	}
	return s.charge(ctx, customer, cents)
}

func (s *Service) validate(ctx context.Context, customer string, cents int) (err error) {
	_, span := s.tracer.Start(ctx, "order.validate")
	defer end(span, &err)
	if customer == "" || cents <= 0 {
		return fmt.Errorf("%w: customer %q, %d cents", ErrInvalid, customer, cents)
	}
	return nil
}

func (s *Service) charge(ctx context.Context, customer string, cents int) (err error) {
	ctx, span := s.tracer.Start(ctx, "order.charge",
		trace.WithAttributes(attribute.Int("order.cents", cents)))
	defer end(span, &err)
	if err := s.payer.Charge(ctx, customer, cents); err != nil {
		return fmt.Errorf("charge %s: %w", customer, err)
	}
	return nil
}
