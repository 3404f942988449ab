// Wrong: Available passes on the count together with any other error, so a
// Counter that answers 7 and an error makes it return 7 instead of 0.
package inventory

import (
	"errors"
	"fmt"
	"maps"
)

// Sentinel errors.
var (
	ErrNotFound     = errors.New("item not found")
	ErrInsufficient = errors.New("insufficient stock")
)

// Stock counts items by SKU (stock-keeping unit).
type Stock struct {
	counts map[string]int
}

// NewStock returns a Stock holding a copy of counts.
func NewStock(counts map[string]int) *Stock {
	return &Stock{counts: maps.Clone(counts)}
}

// Count returns how many of sku are in stock. For an unknown sku it returns
// an error for which errors.Is(err, ErrNotFound) is true.
func (s *Stock) Count(sku string) (int, error) {
	n, ok := s.counts[sku]
	if !ok {
		return 0, fmt.Errorf("item %q: %w", sku, ErrNotFound)
	}
	return n, nil
}

// Remove takes n of sku out of stock. For an unknown sku it returns an error
// for which errors.Is(err, ErrNotFound) is true; when fewer than n are in
// stock, one for which errors.Is(err, ErrInsufficient) is true, and the
// stock does not change.
func (s *Stock) Remove(sku string, n int) error {
	have, ok := s.counts[sku]
	if !ok {
		return fmt.Errorf("item %q: %w", sku, ErrNotFound)
	}
	if have < n {
		return fmt.Errorf("only %d of %q in stock: %w", have, sku, ErrInsufficient)
	}
	s.counts[sku] = have - n
	return nil
}

// Counter is anything that counts items: a *Stock, or a store backed by a
// database, a cache or another service.
type Counter interface {
	Count(sku string) (int, error)
}

// Available returns how many of sku c has. An item that c does not know
// counts as 0 and is no error, even when c wraps ErrNotFound in some
// context, such as fmt.Errorf("warehouse 3: %w", ErrNotFound). Any other
// error is returned as it is, with 0.
func Available(c Counter, sku string) (int, error) {
	n, err := c.Count(sku)
	if errors.Is(err, ErrNotFound) {
		return 0, nil
	}
	return n, err
}
