// Alt: Chain is recursive: the first middleware wraps the chain of the rest.
// A service with a stack of middlewares. Write Chain so that
// Chain(h, m1, m2, m3) is m1(m2(m3(h))): the first middleware listed is the
// outermost, the first to see a request and the last to see the response.
// Then list the stack in newHandler in the order that makes every log line
// carry the request ID and record the 500 of a recovered panic.
package main

import (
	"fmt"
	"log/slog"
	"net/http"
	"os"
)

// Middleware wraps a handler in another.
type Middleware func(http.Handler) http.Handler

// Chain wraps h in mws, the first of mws outermost.
func Chain(h http.Handler, mws ...Middleware) http.Handler {
	if len(mws) == 0 {
		return h
	}
	return mws[0](Chain(h, mws[1:]...))
}

func newHandler(logger *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /hello", hello)
	mux.HandleFunc("GET /boom", boom)
	return Chain(mux, RequestID, Logging(logger), Recover(logger))
}

func hello(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "hello, request %s\n", requestIDFrom(r.Context()))
}

func boom(w http.ResponseWriter, r *http.Request) {
	var cache map[string]int
	cache["secret-session-key"]++ // panics: assignment to entry in nil map
}

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	logger.Info("listening", "addr", addr)
	if err := http.ListenAndServe(addr, newHandler(logger)); err != nil {
		logger.Error("server stopped", "err", err)
		os.Exit(1)
	}
}
