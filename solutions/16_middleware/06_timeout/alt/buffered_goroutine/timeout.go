// Alt: no http.TimeoutHandler; Timeout runs next in a goroutine on a buffering writer with a context.WithTimeout, and answers 503 itself when the deadline comes first.
// A request must not run for ever. Timeout answers 503 Service Unavailable
// when next has not finished within d, even if next never looks at its
// context, and ends next's context at that moment (http.TimeoutHandler
// does both). Handler must call work with the request's context, so that
// the work stops when the deadline passes or the client goes away.
package timeout

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"sync"
	"time"
)

// Work is a slow call to a backend: a database query, another service. It
// returns ctx.Err() as soon as ctx is done.
type Work func(ctx context.Context) (string, error)

// Handler answers 200 with the result of work. When work fails because its
// context ended, it answers 503; for any other error, 500 with
// {"error":"internal error"}.
func Handler(work Work) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		result, err := work(r.Context())
		switch {
		case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
			http.Error(w, "request timed out", http.StatusServiceUnavailable)
		case err != nil:
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusInternalServerError)
			w.Write([]byte(`{"error":"internal error"}`))
		default:
			w.Write([]byte(result))
		}
	})
}

// buffer holds next's answer until Timeout knows it came in time.
type buffer struct {
	header http.Header

	mu      sync.Mutex
	status  int
	body    bytes.Buffer
	expired bool // the deadline passed: writes fail from now on
}

func (b *buffer) Header() http.Header { return b.header }

func (b *buffer) WriteHeader(code int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.status == 0 && !b.expired {
		b.status = code
	}
}

func (b *buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.expired {
		return 0, http.ErrHandlerTimeout
	}
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}

// Timeout returns next, limited to d.
func Timeout(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()

		buf := &buffer{header: make(http.Header)}
		done := make(chan struct{})
		panicked := make(chan any, 1)
		go func() {
			defer func() {
				if p := recover(); p != nil {
					panicked <- p
					return
				}
				close(done)
			}()
			next.ServeHTTP(buf, r.WithContext(ctx))
		}()

		select {
		case p := <-panicked:
			panic(p)
		case <-done:
			for k, v := range buf.header {
				w.Header()[k] = v
			}
			w.WriteHeader(max(buf.status, http.StatusOK))
			buf.body.WriteTo(w)
		case <-ctx.Done():
			buf.mu.Lock()
			buf.expired = true
			buf.mu.Unlock()
			http.Error(w, "request timed out", http.StatusServiceUnavailable)
		}
	})
}
