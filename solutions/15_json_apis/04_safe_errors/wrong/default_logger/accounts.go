// Wrong: logs with the package-level slog functions (the default logger) instead of the logger it was given.
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
	mux.HandleFunc("GET /accounts/{id}", func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		acc, err := store.Account(r.Context(), id)
		switch {
		case errors.Is(err, ErrNotFound):
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "account not found"})
			return
		case err != nil:
			// The details are for the people who run the service: the log.
			// The client learns only that it was not its fault.
			slog.ErrorContext(r.Context(), "get account", "id", id, "err", err)
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
			return
		}
		writeJSON(w, http.StatusOK, acc)
	})
	return mux
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
