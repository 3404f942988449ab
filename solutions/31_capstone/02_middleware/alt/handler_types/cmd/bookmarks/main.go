// The bookmarks service. Run it from the exercise directory with
//
//	go run ./cmd/bookmarks
//
// and try it with curl (the chapter of module 31 shows how).
package main

import (
	"context"
	"log/slog"
	"os"

	bookmarks "backendlings/solutions/31_capstone/02_middleware"
)

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	cfg, err := bookmarks.LoadConfig(os.Getenv)
	if err != nil {
		logger.Error("invalid configuration", "err", err)
		os.Exit(2)
	}
	if err := bookmarks.Run(context.Background(), cfg, logger); err != nil {
		logger.Error("server stopped", "err", err)
		os.Exit(1)
	}
}
