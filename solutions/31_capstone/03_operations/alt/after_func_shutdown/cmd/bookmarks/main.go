// Alternative: signal.Notify on a channel, cancelling the context from a goroutine.

// The bookmarks service. Run it from the exercise directory with
//
//	go run ./cmd/bookmarks
//
// and stop it with Ctrl-C (SIGINT) or SIGTERM: it finishes the requests
// in flight, then exits 0.
package main

import (
	"context"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	bookmarks "backendlings/solutions/31_capstone/03_operations"
)

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	cfg, err := bookmarks.LoadConfig(os.Getenv)
	if err != nil {
		logger.Error("invalid configuration", "err", err)
		os.Exit(2)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-sigs
		logger.Info("signal received", "signal", sig.String())
		signal.Stop(sigs) // a second signal kills at once
		cancel()
	}()
	if err := bookmarks.Run(ctx, cfg, logger); err != nil {
		logger.Error("server stopped", "err", err)
		os.Exit(1)
	}
}
