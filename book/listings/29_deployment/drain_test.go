package deployment

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// ANCHOR: drain
// stop takes a server out of rotation, then stops it: /ready fails at
// once, requests keep being served while the load balancer catches up,
// and only then does Shutdown close the listener and wait for the rest.
func stop(srv *http.Server, ready *atomic.Bool, preStop time.Duration) error {
	ready.Store(false)
	time.Sleep(preStop)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(ctx)
}

// ANCHOR_END: drain

func readyHandler(ready *atomic.Bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !ready.Load() {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}
}

func TestStopFailsReadinessFirst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var ready atomic.Bool
		ready.Store(true)
		srv := &http.Server{}
		done := make(chan error)
		start := time.Now()
		go func() { done <- stop(srv, &ready, 5*time.Second) }()
		synctest.Wait()
		rec := httptest.NewRecorder()
		readyHandler(&ready)(rec, httptest.NewRequest("GET", "/ready", nil))
		if rec.Code != 503 {
			t.Errorf("/ready = %d during the pre-stop delay, want 503", rec.Code)
		}
		if err := <-done; err != nil || time.Since(start) != 5*time.Second {
			t.Errorf("stop = %v after %v, want nil after 5s", err, time.Since(start))
		}
	})
}
