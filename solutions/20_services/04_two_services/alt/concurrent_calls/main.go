// Makes the two backend calls at once (sync.WaitGroup.Go) and tells a timeout by the derived context's own error.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"sync"
	"time"
)

// User is what the users service knows about a user.
type User struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Order is one of a user's orders.
type Order struct {
	ID    int     `json:"id"`
	Total float64 `json:"total"`
}

// Profile is the front's answer.
type Profile struct {
	User   User    `json:"user"`
	Orders []Order `json:"orders"`
}

// Front is the front service.
type Front struct {
	backend string
	client  *http.Client
	timeout time.Duration
	logger  *slog.Logger
}

// NewFront returns the front's handler, calling the backend at backendURL,
// with at most timeout for the backend calls of each request.
func NewFront(backendURL string, timeout time.Duration, logger *slog.Logger) http.Handler {
	f := &Front{backend: backendURL, client: &http.Client{}, timeout: timeout, logger: logger}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /profile/{user}", f.profile)
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	return mux
}

var (
	errNotFound = errors.New("not found")
	errBackend  = errors.New("backend failed")
)

func (f *Front) profile(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), f.timeout)
	defer cancel()
	rid := r.Header.Get("X-Request-ID")
	id := url.PathEscape(r.PathValue("user"))
	var (
		p                  Profile
		wg                 sync.WaitGroup
		userErr, ordersErr error
	)
	wg.Go(func() { userErr = f.get(ctx, "/users/"+id, rid, &p.User) })
	wg.Go(func() { ordersErr = f.get(ctx, "/users/"+id+"/orders", rid, &p.Orders) })
	wg.Wait()
	err := userErr
	if err == nil {
		err = ordersErr
	}
	if err != nil {
		status, msg := http.StatusBadGateway, "the users service is unavailable"
		switch {
		case errors.Is(err, errNotFound):
			status, msg = http.StatusNotFound, "user not found"
		case ctx.Err() == context.DeadlineExceeded:
			status, msg = http.StatusGatewayTimeout, "the users service did not answer in time"
		}
		f.logger.WarnContext(r.Context(), "profile failed", "status", status, "err", err)
		writeJSON(w, status, map[string]string{"error": msg})
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// get fetches the backend's path and decodes its JSON answer into dst.
func (f *Front) get(ctx context.Context, path, requestID string, dst any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.backend+path, nil)
	if err != nil {
		return err
	}
	if requestID != "" {
		req.Header.Set("X-Request-ID", requestID)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return fmt.Errorf("GET %s: %w", path, errNotFound)
	case resp.StatusCode != http.StatusOK:
		return fmt.Errorf("GET %s: status %d: %w", path, resp.StatusCode, errBackend)
	}
	if err := json.NewDecoder(resp.Body).Decode(dst); err != nil {
		return fmt.Errorf("GET %s: %w: %w", path, errBackend, err)
	}
	return nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	backend := os.Getenv("BACKEND_URL")
	if backend == "" {
		fmt.Fprintln(os.Stderr, "BACKEND_URL is required: the address of the users service")
		os.Exit(1)
	}
	timeout := 2 * time.Second
	if d, err := time.ParseDuration(os.Getenv("BACKEND_TIMEOUT")); err == nil && d > 0 {
		timeout = d
	}
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	srv := &http.Server{
		Addr:              addr,
		Handler:           NewFront(backend, timeout, logger),
		ReadHeaderTimeout: 5 * time.Second,
	}
	logger.Info("listening", "addr", addr, "backend", backend)
	if err := srv.ListenAndServe(); err != nil {
		logger.Error("server stopped", "err", err)
		os.Exit(1)
	}
}
