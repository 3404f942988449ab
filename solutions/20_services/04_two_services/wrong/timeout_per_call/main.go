// Wrong: each backend call gets the whole timeout of its own, so two slow calls together take up to twice the timeout.
// Two services. This front service answers GET /profile/{user} by calling
// the users service at BACKEND_URL: GET /users/{user} and GET
// /users/{user}/orders, combined into one JSON answer. A front must never
// hang on its backend, nor pass its failures on raw:
//
//   - the backend calls of one request get at most timeout together, and
//     end when the client goes away (the request's context);
//   - the request's X-Request-ID header goes along to the backend;
//   - backend 404 → 404; backend too slow → 504 Gateway Timeout; backend
//     unreachable, failing (5xx) or answering nonsense → 502 Bad Gateway;
//     each with a JSON {"error": "..."} that tells nothing internal.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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

// errNotFound is a 404 from the backend.
var errNotFound = errors.New("not found")

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

func (f *Front) profile(w http.ResponseWriter, r *http.Request) {
	// One deadline for all the backend calls, inside the client's own.
	ctx := r.Context()
	id := url.PathEscape(r.PathValue("user"))
	reqID := r.Header.Get("X-Request-ID")

	var p Profile
	err := f.get(ctx, "/users/"+id, reqID, &p.User)
	if err == nil {
		err = f.get(ctx, "/users/"+id+"/orders", reqID, &p.Orders)
	}
	switch {
	case err == nil:
		writeJSON(w, http.StatusOK, p)
	case errors.Is(err, errNotFound):
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such user"})
	case errors.Is(err, context.DeadlineExceeded):
		f.logger.WarnContext(ctx, "backend too slow", "err", err)
		writeJSON(w, http.StatusGatewayTimeout, map[string]string{"error": "the users service did not answer in time"})
	default:
		f.logger.ErrorContext(ctx, "backend failed", "err", err)
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": "the users service is unavailable"})
	}
}

// get fetches the backend's path and decodes its JSON answer into dst.
func (f *Front) get(ctx context.Context, path, requestID string, dst any) error {
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.backend+path, nil)
	if err != nil {
		return err
	}
	if requestID != "" {
		req.Header.Set("X-Request-ID", requestID)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return fmt.Errorf("GET %s: %w", path, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return errNotFound
	case resp.StatusCode != http.StatusOK:
		return fmt.Errorf("GET %s: status %d", path, resp.StatusCode)
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(dst); err != nil {
		return fmt.Errorf("GET %s: decoding the answer: %w", path, err)
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
