// Another way: the URL is built with url.URL, the check's timeout comes
// from context.WithTimeoutCause, and the verdict is a switch on the status.
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
	"net/http"
	"net/url"
	"os"
	"time"
)

var errTooSlow = errors.New("no answer within 3s")

// Check reports whether url answers with a 2xx status before ctx is done.
func Check(ctx context.Context, target string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		if cause := context.Cause(ctx); cause != nil {
			return fmt.Errorf("%w (%w)", err, cause)
		}
		return err
	}
	resp.Body.Close()
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return nil
	default:
		return fmt.Errorf("%s answered %d %s", target, resp.StatusCode, http.StatusText(resp.StatusCode))
	}
}

// healthcheck checks addr's /health and returns the exit status.
func healthcheck(addr string) int {
	ctx, cancel := context.WithTimeoutCause(context.Background(), 3*time.Second, errTooSlow)
	defer cancel()
	u := url.URL{Scheme: "http", Host: addr, Path: "/health"}
	if err := Check(ctx, u.String()); err != nil {
		fmt.Fprintf(os.Stderr, "healthcheck: %v\n", err)
		return 1
	}
	return 0
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
