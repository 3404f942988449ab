// Alternative: the lookup lives in a helper without tracing; Stock wraps it
// in a span, ends it with defer and sets item.stock from the result, using
// attribute.Key values declared once.
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

var (
	itemID    = attribute.Key("item.id")
	itemStock = attribute.Key("item.stock")
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
func (inv *Inventory) Stock(ctx context.Context, id string) (n int, err error) {
	_, span := inv.tracer.Start(ctx, "inventory.stock", trace.WithAttributes(itemID.String(id)))
	defer span.End()
	n, err = inv.lookup(id)
	if err == nil {
		span.SetAttributes(itemStock.Int(n))
	}
	return n, err
}

func (inv *Inventory) lookup(id string) (int, error) {
	if id == "" {
		return 0, ErrInvalidID
	}
	if n, ok := inv.stock[id]; ok {
		return n, nil
	}
	return 0, ErrNotFound
}
