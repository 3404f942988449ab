// Wrong: only 5xx statuses count as unhealthy, so a 404 (the wrong path,
// or another program on the port) passes as healthy.
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
	"fmt"
	"net/http"
	"os"
	"time"
)

// Check reports whether url answers with a 2xx status before ctx is done.
func Check(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return nil
}

// healthcheck checks addr's /health and returns the exit status.
func healthcheck(addr string) int {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := Check(ctx, "http://"+addr+"/health"); err != nil {
		fmt.Fprintln(os.Stderr, "unhealthy:", err)
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
