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
	"log"
	"net/http"
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
	// TODO: read every variable with os.Getenv, parse and check it, keep
	// the defaults for the ones that are unset, and collect the problems.
	return cfg, nil
}

func main() {
	cfg, err := Load()
	if err != nil {
		// TODO: refuse to start.
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
