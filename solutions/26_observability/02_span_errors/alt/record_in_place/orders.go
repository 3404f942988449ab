// Alternative: the work is inlined in Place, and each child span is
// started, ended and marked in place; the error status text is a fixed
// phrase rather than err.Error().
package orders

import (
	"context"
	"errors"
	"fmt"

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
	ctx, place := s.tracer.Start(ctx, "order.place")
	defer place.End()

	_, validate := s.tracer.Start(ctx, "order.validate")
	if customer == "" || cents <= 0 {
		err := fmt.Errorf("%w: customer %q, %d cents", ErrInvalid, customer, cents)
		for _, span := range []trace.Span{validate, place} {
			span.RecordError(err)
			span.SetStatus(codes.Error, "invalid order")
		}
		validate.End()
		return err
	}
	validate.End()

	chargeCtx, charge := s.tracer.Start(ctx, "order.charge")
	defer charge.End()
	if err := s.payer.Charge(chargeCtx, customer, cents); err != nil {
		err = fmt.Errorf("charge %s: %w", customer, err)
		for _, span := range []trace.Span{charge, place} {
			span.RecordError(err)
			span.SetStatus(codes.Error, "payment failed")
		}
		return err
	}
	return nil
}
