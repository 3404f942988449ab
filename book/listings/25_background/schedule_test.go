package background

import (
	"context"
	"testing"
	"testing/synctest"
	"time"
)

// ANCHOR: every
// cleanup calls purge once per period, every, until ctx ends. It runs in this
// goroutine, so two runs never overlap: a slow run delays the next tick
// (the ticker keeps one waiting and drops the rest) instead of starting
// a second purge beside it.
func cleanup(ctx context.Context, every time.Duration, purge func(context.Context)) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if ctx.Err() != nil {
				return // ctx ended during the last run: no new one
			}
			purge(ctx)
		}
	}
}

// ANCHOR_END: every

// ANCHOR: every_test
func TestCleanupDoesNotOverlap(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), 55*time.Minute)
		defer cancel()
		start := time.Now()
		var at []time.Duration
		cleanup(ctx, 10*time.Minute, func(context.Context) {
			at = append(at, time.Since(start))
			if len(at) == 1 {
				time.Sleep(25 * time.Minute) // the first purge is slow
			}
		})
		// The ticks of 20 and 30 minutes collapse into one run at 35.
		want := []time.Duration{10, 35, 40, 50}
		for i := range want {
			if i >= len(at) || at[i] != want[i]*time.Minute {
				t.Fatalf("runs at %v, want at %v minutes", at, want)
			}
		}
	})
}

// ANCHOR_END: every_test
