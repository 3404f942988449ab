// The backend's status travels in a backendError read with errors.As, instead of a not-found sentinel.
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

// backendError is an answer of the backend that is not 200.
type backendError struct {
	path   string
	status int
}

func (e *backendError) Error() string {
	return fmt.Sprintf("backend %s: status %d", e.path, e.status)
}

func (f *Front) profile(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), f.timeout)
	defer cancel()
	rid := r.Header.Get("X-Request-ID")
	id := url.PathEscape(r.PathValue("user"))
	var p Profile
	err := f.get(ctx, "/users/"+id, rid, &p.User)
	if err == nil {
		err = f.get(ctx, "/users/"+id+"/orders", rid, &p.Orders)
	}
	if err == nil {
		writeJSON(w, http.StatusOK, p)
		return
	}
	f.logger.ErrorContext(r.Context(), "profile", "user", r.PathValue("user"), "request_id", rid, "err", err)
	var be *backendError
	switch {
	case errors.As(err, &be) && be.status == http.StatusNotFound:
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such user"})
	case errors.Is(err, context.DeadlineExceeded):
		writeJSON(w, http.StatusGatewayTimeout, map[string]string{"error": "the users service took too long"})
	default:
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": "the users service is unavailable"})
	}
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
	if resp.StatusCode != http.StatusOK {
		return &backendError{path: path, status: resp.StatusCode}
	}
	if err := json.NewDecoder(resp.Body).Decode(dst); err != nil {
		return fmt.Errorf("backend %s: %w", path, err)
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
