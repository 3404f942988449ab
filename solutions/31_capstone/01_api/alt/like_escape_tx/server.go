// Configuration and wiring: which settings the service reads from its
// environment, which handler serves which route, and the server itself.
package bookmarks

import (
	"context"
	"log/slog"
	"net/http"
)

// Config is the service's configuration, read from the environment.
type Config struct {
	Addr   string // ADDR: where to listen (default 127.0.0.1:8080)
	DBPath string // DB_PATH: the SQLite file, or :memory: (default bookmarks.db)
}

// LoadConfig reads the configuration with getenv (os.Getenv in main, a
// map in tests).
func LoadConfig(getenv func(string) string) (Config, error) {
	cfg := Config{Addr: "127.0.0.1:8080", DBPath: "bookmarks.db"}
	if v := getenv("ADDR"); v != "" {
		cfg.Addr = v
	}
	if v := getenv("DB_PATH"); v != "" {
		cfg.DBPath = v
	}
	return cfg, nil
}

// NewHandler returns the service's HTTP handler.
func NewHandler(repo Repository, logger *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	NewAPI(repo, logger).Register(mux)
	return mux
}

// Run opens the database and serves the API on cfg.Addr.
func Run(ctx context.Context, cfg Config, logger *slog.Logger) error {
	store, err := Open(ctx, cfg.DBPath)
	if err != nil {
		return err
	}
	defer store.Close()

	srv := &http.Server{Addr: cfg.Addr, Handler: NewHandler(store, logger)}
	logger.Info("listening", "addr", cfg.Addr, "db", cfg.DBPath)
	return srv.ListenAndServe()
}
