// Alternative: the sentinels are returned as they are, without context, and
// Available tests for ErrNotFound inside the err != nil branch.
package inventory

import (
	"errors"
	"maps"
)

// ErrNotFound means the item does not exist.
var ErrNotFound = errors.New("inventory: no such item")

// ErrInsufficient means there are fewer items in stock than asked for.
var ErrInsufficient = errors.New("inventory: not enough in stock")

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
	if n, ok := s.counts[sku]; ok {
		return n, nil
	}
	return 0, ErrNotFound
}

// Remove takes n of sku out of stock. For an unknown sku it returns an error
// for which errors.Is(err, ErrNotFound) is true; when fewer than n are in
// stock, one for which errors.Is(err, ErrInsufficient) is true, and the
// stock does not change.
func (s *Stock) Remove(sku string, n int) error {
	have, ok := s.counts[sku]
	switch {
	case !ok:
		return ErrNotFound
	case n > have:
		return ErrInsufficient
	}
	s.counts[sku] -= n
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
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			err = nil
		}
		return 0, err
	}
	return n, nil
}
