// Configuration and wiring: which settings the service reads from its
// environment, which handler serves which route, and the server itself.
package bookmarks

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
)

// Config is the service's configuration, read from the environment.
type Config struct {
	Addr      string  // ADDR: where to listen (default 127.0.0.1:8080)
	DBPath    string  // DB_PATH: the SQLite file, or :memory: (default bookmarks.db)
	RateLimit float64 // RATE_LIMIT_RPS: API requests per second per client (default 5)
	RateBurst int     // RATE_LIMIT_BURST: API requests a client may make at once (default 20)
	Debug     bool    // DEBUG_ROUTES: "true" adds the /debug/ drill routes; never in production
}

// LoadConfig reads the configuration with getenv (os.Getenv in main, a
// map in tests).
func LoadConfig(getenv func(string) string) (Config, error) {
	cfg := Config{Addr: "127.0.0.1:8080", DBPath: "bookmarks.db", RateLimit: 5, RateBurst: 20}
	if v := getenv("ADDR"); v != "" {
		cfg.Addr = v
	}
	if v := getenv("DB_PATH"); v != "" {
		cfg.DBPath = v
	}
	if v := getenv("RATE_LIMIT_RPS"); v != "" {
		rps, err := strconv.ParseFloat(v, 64)
		if err != nil || rps <= 0 {
			return Config{}, fmt.Errorf("RATE_LIMIT_RPS=%q: want a number above 0", v)
		}
		cfg.RateLimit = rps
	}
	if v := getenv("RATE_LIMIT_BURST"); v != "" {
		burst, err := strconv.Atoi(v)
		if err != nil || burst < 1 {
			return Config{}, fmt.Errorf("RATE_LIMIT_BURST=%q: want a whole number above 0", v)
		}
		cfg.RateBurst = burst
	}
	if v := getenv("DEBUG_ROUTES"); v != "" {
		debug, err := strconv.ParseBool(v)
		if err != nil {
			return Config{}, fmt.Errorf("DEBUG_ROUTES=%q: want true or false", v)
		}
		cfg.Debug = debug
	}
	return cfg, nil
}

// NewHandler returns the service's HTTP handler: the routes, each API
// route behind the rate limiter, and the whole behind the middleware
// stack.
func NewHandler(cfg Config, repo Repository, logger *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	NewAPI(repo, logger).Register(mux, RateLimit(NewLimiter(cfg.RateLimit, cfg.RateBurst)))
	if cfg.Debug {
		mux.HandleFunc("GET /debug/panic", debugPanic)
	}
	// Outermost first: every log line has the request ID, and Logging
	// sees the 500 that Recover writes for a panic.
	return Chain(mux, RequestID, Logging(logger), Recover(logger))
}

// debugPanic is a drill: a handler with a bug, to see what the service
// does with one.
func debugPanic(w http.ResponseWriter, r *http.Request) {
	var sessions map[string]int
	sessions["secret-session-key"]++ // assignment to entry in nil map
}

// Run opens the database and serves the API on cfg.Addr.
func Run(ctx context.Context, cfg Config, logger *slog.Logger) error {
	store, err := Open(ctx, cfg.DBPath)
	if err != nil {
		return err
	}
	defer store.Close()

	srv := &http.Server{Addr: cfg.Addr, Handler: NewHandler(cfg, store, logger)}
	logger.Info("listening", "addr", cfg.Addr, "db", cfg.DBPath)
	return srv.ListenAndServe()
}
