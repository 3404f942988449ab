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

	bookmarks "backendlings/exercises/31_capstone/03_operations"
)

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	cfg, err := bookmarks.LoadConfig(os.Getenv)
	if err != nil {
		logger.Error("invalid configuration", "err", err)
		os.Exit(2)
	}
	// TODO: a ctx that is cancelled on SIGINT (os.Interrupt) and SIGTERM
	// (syscall.SIGTERM). As it is, SIGTERM kills the process on the spot.
	ctx := context.Background()
	if err := bookmarks.Run(ctx, cfg, logger); err != nil {
		logger.Error("server stopped", "err", err)
		os.Exit(1)
	}
}
