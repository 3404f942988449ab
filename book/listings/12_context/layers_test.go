package ctxdemo

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/synctest"
	"time"
)

// ANCHOR: layers
// The data layer: like database/sql, it stops when ctx ends.
type Store struct{ latency time.Duration }

func (s *Store) Balance(ctx context.Context, account string) (int, error) {
	select {
	case <-time.After(s.latency):
		return 100, nil
	case <-ctx.Done():
		return 0, fmt.Errorf("balance of %s: %w", account, ctx.Err())
	}
}

// The business layer passes its ctx on, unchanged.
type Accounts struct{ store *Store }

func (a *Accounts) Total(ctx context.Context, accounts []string) (int, error) {
	total := 0
	for _, acc := range accounts {
		b, err := a.store.Balance(ctx, acc) // the same ctx, never a new one
		if err != nil {
			return 0, err
		}
		total += b
	}
	return total, nil
}

// The HTTP layer starts from the request's context, which net/http
// cancels when the client goes away, and adds a time limit.
func handleTotal(a *Accounts) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		total, err := a.Total(ctx, r.URL.Query()["account"])
		if errors.Is(err, context.DeadlineExceeded) {
			http.Error(w, "too slow", http.StatusGatewayTimeout)
			return
		}
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		fmt.Fprintln(w, total)
	}
}

// ANCHOR_END: layers

func TestHandleTotal(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := handleTotal(&Accounts{store: &Store{latency: time.Second}})

		rec := httptest.NewRecorder()
		h(rec, httptest.NewRequest("GET", "/total?account=a", nil))
		if rec.Code != http.StatusOK || rec.Body.String() != "100\n" {
			t.Errorf("one account: %d %q, want 200 \"100\\n\"", rec.Code, rec.Body.String())
		}

		rec = httptest.NewRecorder()
		start := time.Now()
		h(rec, httptest.NewRequest("GET", "/total?account=a&account=b&account=c", nil))
		if rec.Code != http.StatusGatewayTimeout || time.Since(start) != 2*time.Second {
			t.Errorf("three accounts of 1s each: %d after %v, want 504 after 2s", rec.Code, time.Since(start))
		}
	})
}
