// Alt: a respond helper writes a fixed error body by status, and the error is logged with logger.LogAttrs and typed attributes.
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
		ctx := r.Context()
		id := r.PathValue("id")
		acc, err := store.Account(ctx, id)
		if errors.Is(err, ErrNotFound) {
			respond(w, http.StatusNotFound)
			return
		}
		if err != nil {
			logger.LogAttrs(ctx, slog.LevelError, "store failed",
				slog.String("id", id), slog.Any("err", err))
			respond(w, http.StatusInternalServerError)
			return
		}
		writeJSON(w, http.StatusOK, acc)
	})
	return mux
}

// respond answers an error status with its fixed message, the same for
// every request.
func respond(w http.ResponseWriter, status int) {
	msg := "internal error"
	if status == http.StatusNotFound {
		msg = "account not found"
	}
	writeJSON(w, status, struct {
		Error string `json:"error"`
	}{msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
