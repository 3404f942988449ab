// Uses small typed helpers (duration, number) that record problems on a config loader, and prints to stderr then os.Exit(1).
//
//	ADDR             where to listen                       default 127.0.0.1:8080
//	APP_ENV          development, staging or production    default development
//	REQUEST_TIMEOUT  a duration with its unit, above zero   default 5s
//	                 (250ms, 2s, 1m30s)
//	MAX_ITEMS        a whole number from 1 to 10000         default 100
//	API_TOKEN        required: there is no default
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"slices"
	"strconv"
	"time"
)

// Config is everything the service needs to know about where it runs.
type Config struct {
	Addr           string
	Env            string
	RequestTimeout time.Duration
	MaxItems       int
	APIToken       string // a secret: never logged, never shown
}

type loader struct{ problems []error }

func (l *loader) fail(name, format string, args ...any) {
	l.problems = append(l.problems, fmt.Errorf("%s: %s", name, fmt.Sprintf(format, args...)))
}

func (l *loader) duration(name string, def time.Duration) time.Duration {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	switch {
	case err != nil:
		l.fail(name, "%q is not a duration with a unit (2s, 250ms)", v)
	case d <= 0:
		l.fail(name, "%q must be above zero", v)
	default:
		return d
	}
	return def
}

func (l *loader) number(name string, def, lo, hi int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	switch {
	case err != nil:
		l.fail(name, "%q is not a whole number", v)
	case n < lo || n > hi:
		l.fail(name, "%d is outside %d..%d", n, lo, hi)
	default:
		return n
	}
	return def
}

func (l *loader) oneOf(name, def string, allowed ...string) string {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	if !slices.Contains(allowed, v) {
		l.fail(name, "%q is not one of %v", v, allowed)
		return def
	}
	return v
}

// Load reads the configuration from the environment.
func Load() (Config, error) {
	var l loader
	cfg := Config{
		Addr:           os.Getenv("ADDR"),
		Env:            l.oneOf("APP_ENV", "development", "development", "staging", "production"),
		RequestTimeout: l.duration("REQUEST_TIMEOUT", 5*time.Second),
		MaxItems:       l.number("MAX_ITEMS", 100, 1, 10000),
		APIToken:       os.Getenv("API_TOKEN"),
	}
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:8080"
	}
	if cfg.APIToken == "" {
		l.fail("API_TOKEN", "is required")
	}
	return cfg, errors.Join(l.problems...)
}

func main() {
	cfg, err := Load()
	if err != nil {
		fmt.Fprintf(os.Stderr, "refusing to start, invalid configuration:\n%v\n", err)
		os.Exit(1)
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /config", func(w http.ResponseWriter, r *http.Request) {
		// What the service runs with, for whoever operates it; the
		// token stays out.
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{
			"addr":            cfg.Addr,
			"env":             cfg.Env,
			"request_timeout": cfg.RequestTimeout.String(),
			"max_items":       cfg.MaxItems,
		})
	})

	log.Printf("listening on %s (%s)", cfg.Addr, cfg.Env)
	handler := http.TimeoutHandler(mux, cfg.RequestTimeout, "request timed out")
	log.Fatal(http.ListenAndServe(cfg.Addr, handler))
}
