// Wrong: the repository wraps errors with %v instead of %w, which cuts the
// chain: the handler can no longer see context.DeadlineExceeded and answers
// 500.
// A request passes through Handler (HTTP) → Service → Repository → the
// database driver. Each layer must pass the request's context on, so that a
// client hanging up, or the handler's timeout, stops the work all the way
// down. Fix the layers that do not, and give the handler its timeout.
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
		return 0, fmt.Errorf("price of %q: %v", sku, err)
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
	// The request's context ends when the client goes away; ours also ends
	// after h.Timeout. Everything below gets ctx and stops when it ends.
	ctx, cancel := context.WithTimeout(r.Context(), h.Timeout)
	defer cancel()
	total, err := h.Svc.Total(ctx, r.URL.Query()["sku"])
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		http.Error(w, "timed out", http.StatusGatewayTimeout)
	case err != nil:
		http.Error(w, "internal error", http.StatusInternalServerError)
	default:
		fmt.Fprintf(w, "%d\n", total)
	}
}
