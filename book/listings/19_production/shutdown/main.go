// Command shutdown is the shape of a server that stops gracefully.
package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// ANCHOR: shutdown
func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	if err := run(logger); err != nil {
		logger.Error("stopped", "err", err)
		os.Exit(1)
	}
}

func run(logger *slog.Logger) error {
	srv := &http.Server{
		Addr:              "127.0.0.1:8080",
		Handler:           http.NotFoundHandler(),
		ReadHeaderTimeout: 5 * time.Second,
	}

	// 1. A context that ends at the first SIGINT (Ctrl-C) or SIGTERM.
	ctx, stop := signal.NotifyContext(context.Background(),
		os.Interrupt, syscall.SIGTERM)
	defer stop()

	// 2. Serve in the background; an error here means it never started.
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.ListenAndServe() }()

	// 3. Wait for whichever comes first.
	select {
	case err := <-serveErr:
		return err
	case <-ctx.Done():
	}
	stop() // a second Ctrl-C now kills the program the default way

	// 4. Stop accepting, finish what is in flight, within a limit.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	// 5. ListenAndServe has returned http.ErrServerClosed: all is well.
	if err := <-serveErr; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped cleanly")
	return nil
}

// ANCHOR_END: shutdown
