// Wrong: REQUEST_TIMEOUT=0s is accepted: only negative durations are refused.
// Configuration comes from the environment. Write Load: read each variable
// below (unset or empty means "use the default"), parse and check it, and
// return every problem at once with errors.Join, each naming its variable.
// Then make main refuse to start when the configuration is invalid: the
// error on stderr, exit status 1.
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
	// Every problem is collected, so that whoever deploys the service
	// fixes them all in one go instead of one per failed start.
	var problems []error

	if v := os.Getenv("ADDR"); v != "" {
		cfg.Addr = v
	}

	switch v := os.Getenv("APP_ENV"); v {
	case "":
	case "development", "staging", "production":
		cfg.Env = v
	default:
		problems = append(problems, fmt.Errorf("APP_ENV: %q is not development, staging or production", v))
	}

	if v := os.Getenv("REQUEST_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		switch {
		case err != nil:
			problems = append(problems, fmt.Errorf("REQUEST_TIMEOUT: %q is not a duration such as 5s or 1m30s", v))
		case d < 0:
			problems = append(problems, fmt.Errorf("REQUEST_TIMEOUT: %q must be above zero", v))
		default:
			cfg.RequestTimeout = d
		}
	}

	if v := os.Getenv("MAX_ITEMS"); v != "" {
		n, err := strconv.Atoi(v)
		switch {
		case err != nil:
			problems = append(problems, fmt.Errorf("MAX_ITEMS: %q is not a whole number", v))
		case n < 1 || n > 10000:
			problems = append(problems, fmt.Errorf("MAX_ITEMS: %d is not between 1 and 10000", n))
		default:
			cfg.MaxItems = n
		}
	}

	cfg.APIToken = os.Getenv("API_TOKEN")
	if cfg.APIToken == "" {
		problems = append(problems, errors.New("API_TOKEN: required, but not set"))
	}

	if err := errors.Join(problems...); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

func main() {
	cfg, err := Load()
	if err != nil {
		// Fail fast and loudly: a service running with a half-understood
		// configuration does damage quietly.
		fmt.Fprintf(os.Stderr, "invalid configuration:\n%v\n", err)
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
