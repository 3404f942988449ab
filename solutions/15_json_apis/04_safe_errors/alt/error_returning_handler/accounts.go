// Alt: the route is a function that returns an error, and one adapter (handle) turns every error into its response and log line.
// GET /accounts/{id} sends the store's error to the client: a database
// failure shows its address and query to anyone who asks. Answer
// ErrNotFound (it comes wrapped) with 404 {"error":"account not found"},
// and any other error with 500 {"error":"internal error"}, logging the
// real error with the logger. Pass the request's context to the store.
package accounts

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
)

// ErrNotFound is returned, wrapped, by a Store that has no such account.
var ErrNotFound = errors.New("account not found")

// Account is what GET /accounts/{id} answers with.
type Account struct {
	ID           string `json:"id"`
	Owner        string `json:"owner"`
	BalanceCents int64  `json:"balance_cents"`
}

// Store finds accounts, in a database in production.
type Store interface {
	Account(ctx context.Context, id string) (Account, error)
}

// NewHandler serves GET /accounts/{id} from store.
func NewHandler(store Store, logger *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /accounts/{id}", handle(logger, func(w http.ResponseWriter, r *http.Request) error {
		acc, err := store.Account(r.Context(), r.PathValue("id"))
		if err != nil {
			return fmt.Errorf("account %q: %w", r.PathValue("id"), err)
		}
		writeJSON(w, http.StatusOK, acc)
		return nil
	}))
	return mux
}

// handle adapts a handler that returns an error: ErrNotFound becomes a 404,
// anything else is logged and answered with a 500 that says nothing more.
func handle(logger *slog.Logger, h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		switch {
		case err == nil:
		case errors.Is(err, ErrNotFound):
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "account not found"})
		default:
			logger.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err)
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
		}
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
