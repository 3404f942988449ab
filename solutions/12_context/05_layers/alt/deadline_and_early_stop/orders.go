// Uses context.WithDeadline in the handler and has Service check ctx.Err() before each lookup.
package orders

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// DB is the database driver. Like database/sql, it honours its context: it
// returns ctx.Err() (wrapped) as soon as ctx ends.
type DB interface {
	Price(ctx context.Context, sku string) (int, error)
}

// Repository is the data-access layer.
type Repository struct {
	DB DB
}

// Price returns the price of sku, in cents.
func (r *Repository) Price(ctx context.Context, sku string) (int, error) {
	p, err := r.DB.Price(ctx, sku)
	if err != nil {
		return 0, fmt.Errorf("repository: %w", err)
	}
	return p, nil
}

// Service is the business-logic layer.
type Service struct {
	Repo *Repository
}

// Total returns the sum of the prices of skus, looked up one after another.
// It stops at the first error.
func (s *Service) Total(ctx context.Context, skus []string) (int, error) {
	total := 0
	for _, sku := range skus {
		if err := ctx.Err(); err != nil {
			return 0, fmt.Errorf("before %q: %w", sku, err)
		}
		p, err := s.Repo.Price(ctx, sku)
		if err != nil {
			return 0, err
		}
		total += p
	}
	return total, nil
}

// Handler serves GET /total?sku=a&sku=b. It answers 200 with the total and
// a newline; 504 Gateway Timeout when the work takes longer than Timeout
// (which must be positive); 500 Internal Server Error on any other error.
type Handler struct {
	Svc     *Service
	Timeout time.Duration
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithDeadline(r.Context(), time.Now().Add(h.Timeout))
	defer cancel()
	total, err := h.Svc.Total(ctx, r.URL.Query()["sku"])
	if errors.Is(err, context.DeadlineExceeded) {
		http.Error(w, "gateway timeout", http.StatusGatewayTimeout)
		return
	}
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	fmt.Fprintf(w, "%d\n", total)
}
