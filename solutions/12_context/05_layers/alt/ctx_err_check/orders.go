// Decides 504 from the handler's own ctx.Err() instead of errors.Is on the returned error; errors wrapped with %w all the way.
package orders

import (
	"context"
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
		return 0, fmt.Errorf("price of %q: %w", sku, err)
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
		p, err := s.Repo.Price(ctx, sku)
		if err != nil {
			return 0, fmt.Errorf("total: %w", err)
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
	ctx, cancel := context.WithTimeout(r.Context(), h.Timeout)
	defer cancel()
	total, err := h.Svc.Total(ctx, r.URL.Query()["sku"])
	switch {
	case err == nil:
		fmt.Fprintf(w, "%d\n", total)
	case ctx.Err() == context.DeadlineExceeded:
		http.Error(w, "timed out", http.StatusGatewayTimeout)
	default:
		http.Error(w, "internal error", http.StatusInternalServerError)
	}
}
