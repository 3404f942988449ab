// Alternative: signal.NotifyContext, with stop called by context.AfterFunc once the first signal arrives.

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
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	context.AfterFunc(ctx, stop) // a second signal kills at once
	if err := bookmarks.Run(ctx, cfg, logger); err != nil {
		logger.Error("server stopped", "err", err)
		os.Exit(1)
	}
}
