// Wrong: WriteTimeout equals the request limit, so the 503 of a request that timed out may be cut off.
// Server timeouts. A server without them waits for ever: for a client that
// sends its headers one byte a minute, for one that never reads its answer,
// for a keep-alive connection that never sends another request. Write
// NewServer so that the server it returns has:
//
//   - ReadHeaderTimeout: at most 10s, for the request line and headers;
//   - ReadTimeout: at least ReadHeaderTimeout, for the whole request;
//   - WriteTimeout: longer than cfg.RequestTimeout, so that the 503 of a
//     request that timed out still reaches its client;
//   - IdleTimeout: how long a keep-alive connection waits for a request;
//   - and h limited to cfg.RequestTimeout per request: 503 after that.
package main

import (
	"log"
	"net/http"
	"os"
	"strconv"
	"time"
)

// Config is what NewServer needs to know.
type Config struct {
	Addr           string
	RequestTimeout time.Duration // the longest a request may take
}

// NewServer returns a server for h, listening on cfg.Addr.
func NewServer(cfg Config, h http.Handler) *http.Server {
	return &http.Server{
		Addr: cfg.Addr,
		// A client gets 5s to send its request line and headers, and 10s
		// for the whole request with its body: enough for any honest
		// client of an API, too little to hold connections hostage.
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		// The write deadline starts when the headers have been read, and
		// must leave room for the handler's whole time limit plus the
		// answer: otherwise the connection is cut before the 503.
		WriteTimeout: cfg.RequestTimeout,
		// A keep-alive connection may wait a minute for its next request.
		IdleTimeout: time.Minute,
		// The handler itself gets cfg.RequestTimeout: after that, its
		// context ends and the client gets a 503 whatever it is doing.
		Handler: http.TimeoutHandler(h, cfg.RequestTimeout, "request timed out\n"),
	}
}

func newMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok\n"))
	})
	// GET /slow?ms=3000 stands for a handler stuck on something slow.
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) {
		ms, _ := strconv.Atoi(r.URL.Query().Get("ms"))
		time.Sleep(time.Duration(ms) * time.Millisecond)
		w.Write([]byte("done\n"))
	})
	return mux
}

func main() {
	cfg := Config{Addr: os.Getenv("ADDR"), RequestTimeout: 2 * time.Second}
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:8080"
	}
	if d, err := time.ParseDuration(os.Getenv("REQUEST_TIMEOUT")); err == nil && d > 0 {
		cfg.RequestTimeout = d
	}
	srv := NewServer(cfg, newMux())
	log.Printf("listening on %s, requests limited to %v", cfg.Addr, cfg.RequestTimeout)
	log.Fatal(srv.ListenAndServe())
}
