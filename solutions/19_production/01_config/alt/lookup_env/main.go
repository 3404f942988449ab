// Reads each variable with os.LookupEnv through a table of parse functions, and exits through log.Fatal.
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

// Load reads the configuration from the environment.
func Load() (Config, error) {
	cfg := Config{
		Addr:           "127.0.0.1:8080",
		Env:            "development",
		RequestTimeout: 5 * time.Second,
		MaxItems:       100,
	}
	vars := []struct {
		name string
		set  func(string) error
	}{
		{"ADDR", func(v string) error { cfg.Addr = v; return nil }},
		{"APP_ENV", func(v string) error {
			switch v {
			case "development", "staging", "production":
				cfg.Env = v
				return nil
			}
			return fmt.Errorf("%q is not development, staging or production", v)
		}},
		{"REQUEST_TIMEOUT", func(v string) error {
			d, err := time.ParseDuration(v)
			if err != nil {
				return fmt.Errorf("%q is not a duration such as 2s", v)
			}
			if d <= 0 {
				return fmt.Errorf("%s is not above zero", d)
			}
			cfg.RequestTimeout = d
			return nil
		}},
		{"MAX_ITEMS", func(v string) error {
			n, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("%q is not a whole number", v)
			}
			if n < 1 || n > 10000 {
				return fmt.Errorf("%d is not from 1 to 10000", n)
			}
			cfg.MaxItems = n
			return nil
		}},
		{"API_TOKEN", func(v string) error { cfg.APIToken = v; return nil }},
	}
	var problems []error
	for _, v := range vars {
		value, ok := os.LookupEnv(v.name)
		if !ok || value == "" {
			continue
		}
		if err := v.set(value); err != nil {
			problems = append(problems, fmt.Errorf("%s: %w", v.name, err))
		}
	}
	if cfg.APIToken == "" {
		problems = append(problems, errors.New("API_TOKEN: required, but not set"))
	}
	return cfg, errors.Join(problems...)
}

func main() {
	cfg, err := Load()
	if err != nil {
		log.Fatalf("invalid configuration:\n%v", err)
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
