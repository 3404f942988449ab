// Alternative: ends the span explicitly before each return instead of with
// defer, and sets every attribute with SetAttributes.
package inventory

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// ErrInvalidID is returned for an empty id; ErrNotFound for an unknown one.
var (
	ErrInvalidID = errors.New("inventory: empty item id")
	ErrNotFound  = errors.New("inventory: no such item")
)

// Inventory holds the stock of each item.
type Inventory struct {
	tracer trace.Tracer
	stock  map[string]int
}

// New returns an Inventory that traces with a tracer of tp.
func New(tp trace.TracerProvider, stock map[string]int) *Inventory {
	return &Inventory{tracer: tp.Tracer("inventory"), stock: stock}
}

// Stock returns how many of item id are in stock.
func (inv *Inventory) Stock(ctx context.Context, id string) (int, error) {
	_, span := inv.tracer.Start(ctx, "inventory.stock")
	span.SetAttributes(attribute.String("item.id", id))
	if id == "" {
		span.End()
		return 0, ErrInvalidID
	}
	n, ok := inv.stock[id]
	if !ok {
		span.End()
		return 0, ErrNotFound
	}
	span.SetAttributes(attribute.Int("item.stock", n))
	span.End()
	return n, nil
}
