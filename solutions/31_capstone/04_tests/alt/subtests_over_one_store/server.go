// Configuration and wiring: which settings the service reads from its
// environment, which handler serves which route, and the server itself,
// with its timeouts and its graceful shutdown.
package bookmarks

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"time"
)

// Config is the service's configuration, read from the environment.
type Config struct {
	Addr            string        // ADDR: where to listen (default 127.0.0.1:8080)
	DBPath          string        // DB_PATH: the SQLite file, or :memory: (default bookmarks.db)
	RateLimit       float64       // RATE_LIMIT_RPS: API requests per second per client (default 5)
	RateBurst       int           // RATE_LIMIT_BURST: API requests a client may make at once (default 20)
	Debug           bool          // DEBUG_ROUTES: "true" adds the /debug/ drill routes; never in production
	ShutdownTimeout time.Duration // SHUTDOWN_TIMEOUT: how long requests in flight may take to finish (default 10s)
}

// LoadConfig reads the configuration with getenv (os.Getenv in main, a
// map in tests).
func LoadConfig(getenv func(string) string) (Config, error) {
	cfg := Config{
		Addr: "127.0.0.1:8080", DBPath: "bookmarks.db",
		RateLimit: 5, RateBurst: 20, ShutdownTimeout: 10 * time.Second,
	}
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
	if v := getenv("SHUTDOWN_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return Config{}, fmt.Errorf("SHUTDOWN_TIMEOUT=%q: want a duration such as 10s", v)
		}
		cfg.ShutdownTimeout = d
	}
	return cfg, nil
}

// NewHandler returns the service's HTTP handler: the routes, each API
// route behind the rate limiter, and the whole behind the middleware
// stack.
func NewHandler(cfg Config, repo Repository, metrics *Metrics, logger *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	NewAPI(repo, logger).Register(mux, RateLimit(NewLimiter(cfg.RateLimit, cfg.RateBurst)))
	mux.HandleFunc("GET /health", Health)
	mux.Handle("GET /ready", Ready(repo, logger))
	mux.Handle("GET /metrics", metrics)
	if cfg.Debug {
		mux.HandleFunc("GET /debug/panic", debugPanic)
		mux.HandleFunc("GET /debug/slow", debugSlow)
	}
	// Outermost first: every log line has the request ID; Logging and
	// Metrics see the 500 that Recover writes for a panic; Metrics gets
	// the very request the mux sets Pattern on.
	return Chain(mux, RequestID, Logging(logger), metrics.Middleware, Recover(logger))
}

// debugPanic is a drill: a handler with a bug, to see what the service
// does with one.
func debugPanic(w http.ResponseWriter, r *http.Request) {
	var sessions map[string]int
	sessions["secret-session-key"]++ // assignment to entry in nil map
}

// debugSlow is a drill: a request that takes ?ms= milliseconds (10s at
// most), to see what a shutdown does with a request in flight.
func debugSlow(w http.ResponseWriter, r *http.Request) {
	ms, err := strconv.Atoi(r.URL.Query().Get("ms"))
	if err != nil || ms < 0 || ms > 10_000 {
		writeError(w, http.StatusBadRequest, "ms must be a whole number from 0 to 10000")
		return
	}
	select {
	case <-time.After(time.Duration(ms) * time.Millisecond):
		writeJSON(w, http.StatusOK, map[string]int{"slept_ms": ms})
	case <-r.Context().Done():
	}
}

// NewServer returns the server of h on addr, with timeouts, so that slow
// or stuck clients cannot hold connections (and goroutines) forever:
// 5s to send the request headers (ReadHeaderTimeout), 15s for the whole
// request (ReadTimeout), 30s to answer (WriteTimeout), 2 minutes for an
// idle keep-alive connection (IdleTimeout). Its own error messages go to
// logger, as JSON.
func NewServer(addr string, h http.Handler, logger *slog.Logger) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelError),
	}
}

// Serve serves srv on ln until ctx is done, then shuts down gracefully:
// it logs "shutting down", stops accepting connections, lets the requests
// in flight finish (for up to timeout), logs "shutdown complete" and
// returns nil. When serving fails, or the requests in flight do not
// finish in time, it returns the error.
func Serve(ctx context.Context, srv *http.Server, ln net.Listener, timeout time.Duration, logger *slog.Logger) error {
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()

	select {
	case err := <-serveErr:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}

	logger.Info("shutting down")
	// ctx is done already: Shutdown needs a context of its own, or it
	// would give up at once and cut the requests in flight.
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	// Serve returned http.ErrServerClosed as soon as Shutdown began.
	if err := <-serveErr; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	logger.Info("shutdown complete")
	return nil
}

// Run opens the database and serves the API on cfg.Addr until ctx is
// done.
func Run(ctx context.Context, cfg Config, logger *slog.Logger) error {
	store, err := Open(ctx, cfg.DBPath)
	if err != nil {
		return err
	}
	defer store.Close()

	srv := NewServer(cfg.Addr, NewHandler(cfg, store, NewMetrics(), logger), logger)
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	logger.Info("listening", "addr", ln.Addr().String(), "db", cfg.DBPath)
	return Serve(ctx, srv, ln, cfg.ShutdownTimeout, logger)
}
