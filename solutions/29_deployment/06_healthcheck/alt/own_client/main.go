// Another way: a client of its own with keep-alives off (one connection
// per check, closed after it), the body drained before it is closed, and
// the status class tested with StatusCode/100.
// A health check the container can run itself. A distroless image has no
// shell and no curl, so a HEALTHCHECK (or an exec probe) cannot curl
// /health: the program checks itself, `app -healthcheck`, and the exit
// status says healthy (0) or not (1). Write Check: GET url with ctx (its
// deadline bounds the whole check, however slowly the server answers) and
// return nil for a 2xx status, and an error that says what went wrong for
// anything else: another status, a refused connection, a timeout. Close
// the response body. Then healthcheck: Check "http://" + addr + "/health"
// with a 3-second timeout, and return the exit status, 0 or 1, printing
// the error on standard error when unhealthy. The hidden tests run Check
// and healthcheck against test servers and pass when every case comes out
// right.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

var client = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}

// Check reports whether url answers with a 2xx status before ctx is done.
func Check(ctx context.Context, url string) (err error) {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return fmt.Errorf("health check: %w", err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("health check: %w", err)
	}
	defer func() {
		_, drainErr := io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
		err = errors.Join(err, drainErr, resp.Body.Close())
	}()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("health check: status %d", resp.StatusCode)
	}
	return nil
}

// healthcheck checks addr's /health and returns the exit status.
func healthcheck(addr string) int {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	err := Check(ctx, fmt.Sprintf("http://%s/health", addr))
	if err == nil {
		return 0
	}
	fmt.Fprintln(os.Stderr, err)
	return 1
}

func main() {
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	if len(os.Args) > 1 && os.Args[1] == "-healthcheck" {
		os.Exit(healthcheck(addr))
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	fmt.Fprintln(os.Stderr, "listening on", addr)
	if err := srv.ListenAndServe(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
