// Uses the edge values the text allows (10s headers, ReadTimeout equal to them, WriteTimeout just above the limit) and TimeoutHandler's default body.
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
	const headers = 10 * time.Second
	return &http.Server{
		Addr:              cfg.Addr,
		Handler:           http.TimeoutHandler(h, cfg.RequestTimeout, ""),
		ReadHeaderTimeout: headers,
		ReadTimeout:       headers,
		WriteTimeout:      cfg.RequestTimeout + 500*time.Millisecond,
		IdleTimeout:       90 * time.Second,
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
