// Wrong: the handler logs its errors through slog.Default(), not the logger it was given.
// Dependency injection, without a framework. The Service uses
// package-level globals for its database and logger and calls time.Now
// itself: a test cannot fix the time, use a fake store or read the logs.
// Make them dependencies: NewService(store, clock, logger) keeps them in
// the Service, every method uses those, and main builds the real ones.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"sync"
	"time"
)

// Subscription is a user's paid plan, running until Expires.
type Subscription struct {
	UserID  string    `json:"user_id"`
	Plan    string    `json:"plan"`
	Expires time.Time `json:"expires"`
}

// ErrNotFound is returned by a Store for a user without a subscription.
var ErrNotFound = errors.New("subscription not found")

// Store keeps subscriptions.
type Store interface {
	Get(ctx context.Context, userID string) (Subscription, error)
	Save(ctx context.Context, s Subscription) error
}

// Clock tells the time.
type Clock interface {
	Now() time.Time
}

// RenewalPeriod is what one renewal adds.
const RenewalPeriod = 30 * 24 * time.Hour

// Service renews subscriptions. Everything it depends on is a field, given
// to NewService: nothing global.
type Service struct {
	store  Store
	clock  Clock
	logger *slog.Logger
}

// NewService returns a Service using these dependencies.
func NewService(store Store, clock Clock, logger *slog.Logger) *Service {
	return &Service{store: store, clock: clock, logger: logger}
}

// Renew adds RenewalPeriod to the user's subscription: from its expiry
// while it is still active, from now once it has expired. A user without
// one gets the "basic" plan from now. It logs "subscription renewed" with
// the attributes user and expires.
func (s *Service) Renew(ctx context.Context, userID string) (Subscription, error) {
	now := s.clock.Now()
	sub, err := s.store.Get(ctx, userID)
	switch {
	case errors.Is(err, ErrNotFound):
		sub = Subscription{UserID: userID, Plan: "basic", Expires: now}
	case err != nil:
		return Subscription{}, fmt.Errorf("renew %s: %w", userID, err)
	}
	start := sub.Expires
	if !now.Before(start) { // expired: the new period starts now
		start = now
	}
	sub.Expires = start.Add(RenewalPeriod)
	if err := s.store.Save(ctx, sub); err != nil {
		return Subscription{}, fmt.Errorf("renew %s: %w", userID, err)
	}
	s.logger.InfoContext(ctx, "subscription renewed", "user", userID, "expires", sub.Expires)
	return sub, nil
}

// Active reports whether the user's subscription runs now: it ends at
// Expires.
func (s *Service) Active(ctx context.Context, userID string) (bool, error) {
	sub, err := s.store.Get(ctx, userID)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("active %s: %w", userID, err)
	}
	return s.clock.Now().Before(sub.Expires), nil
}

// Handler is the service's HTTP API.
func (s *Service) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /subscriptions/{user}/renew", func(w http.ResponseWriter, r *http.Request) {
		sub, err := s.Renew(r.Context(), r.PathValue("user"))
		if err != nil {
			slog.ErrorContext(r.Context(), "renew", "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(sub)
	})
	return mux
}

// MemoryStore is a Store in memory.
type MemoryStore struct {
	mu   sync.Mutex
	subs map[string]Subscription
}

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{subs: map[string]Subscription{}}
}

// Get returns the user's subscription, or ErrNotFound.
func (m *MemoryStore) Get(ctx context.Context, userID string) (Subscription, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	sub, ok := m.subs[userID]
	if !ok {
		return Subscription{}, ErrNotFound
	}
	return sub, nil
}

// Save stores sub.
func (m *MemoryStore) Save(ctx context.Context, sub Subscription) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.subs[sub.UserID] = sub
	return nil
}

// systemClock is the real clock.
type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

func main() {
	// The composition root: the one place that knows the concrete types
	// and builds the whole object graph, explicitly.
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	svc := NewService(NewMemoryStore(), systemClock{}, logger)

	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	logger.Info("listening", "addr", addr)
	if err := http.ListenAndServe(addr, svc.Handler()); err != nil {
		logger.Error("server stopped", "err", err)
		os.Exit(1)
	}
}
