package middleware

import (
	"context"
	"crypto/subtle"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"
)

// ANCHOR: shape
// Timing is middleware: it takes the next handler and returns a handler
// that does something before and after calling it.
func Timing(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now() // before: on the way in
		next.ServeHTTP(w, r)
		// After: on the way out.
		logger.Info("timing", "path", r.URL.Path, "took", time.Since(start))
	})
}

// ANCHOR_END: shape

// ANCHOR: wrapper
// byteCounter is a ResponseWriter that counts the body bytes written
// through it. Embedding gives it every method of the original; it
// overrides only Write.
type byteCounter struct {
	http.ResponseWriter
	n int
}

func (b *byteCounter) Write(p []byte) (int, error) {
	n, err := b.ResponseWriter.Write(p)
	b.n += n
	return n, err
}

// Unwrap gives http.ResponseController access to the original writer.
func (b *byteCounter) Unwrap() http.ResponseWriter { return b.ResponseWriter }

func Example_wrapper() {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "hello, ")
		fmt.Fprint(w, "world")
	})
	counted := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		bc := &byteCounter{ResponseWriter: w}
		h.ServeHTTP(bc, r) // the handler writes through our wrapper
		fmt.Println("bytes sent:", bc.n)
	})
	counted.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	// Output: bytes sent: 12
}

// ANCHOR_END: wrapper

// ANCHOR: recover
// safely runs f and turns a panic into an error. recover only stops a
// panic when it is called directly by a deferred function.
func safely(f func()) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("recovered: %v", v)
		}
	}()
	f()
	return nil
}

func Example_recover() {
	fmt.Println(safely(func() {}))
	fmt.Println(safely(func() {
		var m map[string]int
		m["x"] = 1
	}))
	// Output:
	// <nil>
	// recovered: assignment to entry in nil map
}

// ANCHOR_END: recover

// ANCHOR: context
// tenantKey is unexported: no other package can make a value of this type,
// so no other package can read, overwrite or collide with this entry.
type tenantKey struct{}

// WithTenant returns a copy of ctx carrying the tenant.
func WithTenant(ctx context.Context, tenant string) context.Context {
	return context.WithValue(ctx, tenantKey{}, tenant)
}

// TenantFrom returns the tenant in ctx, if any.
func TenantFrom(ctx context.Context) (string, bool) {
	t, ok := ctx.Value(tenantKey{}).(string)
	return t, ok
}

func Example_contextValue() {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t, ok := TenantFrom(r.Context())
		fmt.Println(t, ok)
	})
	tenants := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, _ := strings.Cut(r.Host, ".") // acme.example.com → acme
		h.ServeHTTP(w, r.WithContext(WithTenant(r.Context(), host)))
	})
	tenants.ServeHTTP(httptest.NewRecorder(),
		httptest.NewRequest("GET", "http://acme.example.com/", nil))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	// Output:
	// acme true
	//  false
}

// ANCHOR_END: context

// ANCHOR: subtle
func Example_constantTime() {
	secret := []byte("s3cr3t-api-key")
	fmt.Println(subtle.ConstantTimeCompare([]byte("s3cr3t-api-key"), secret))
	fmt.Println(subtle.ConstantTimeCompare([]byte("s3cr3t-api-kez"), secret))
	fmt.Println(subtle.ConstantTimeCompare([]byte("s3"), secret))
	fmt.Println(subtle.ConstantTimeCompare([]byte(""), []byte(""))) // careful!
	// Output:
	// 1
	// 0
	// 0
	// 1
}

// ANCHOR_END: subtle

// ANCHOR: nesting
func say(name string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Println(name, "in")
			next.ServeHTTP(w, r)
			fmt.Println(name, "out")
		})
	}
}

func Example_nesting() {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Println("handler")
	})
	outer, inner := say("outer"), say("inner")
	req := httptest.NewRequest("GET", "/", nil)
	outer(inner(h)).ServeHTTP(httptest.NewRecorder(), req)
	// Output:
	// outer in
	// inner in
	// handler
	// inner out
	// outer out
}

// ANCHOR_END: nesting

// ANCHOR: timeout
func Example_timeoutHandler() {
	stopped := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer close(stopped)
		select {
		case <-time.After(10 * time.Second): // the work
			fmt.Fprint(w, "done")
		case <-r.Context().Done(): // the deadline passed: stop working
			fmt.Println("handler stopped:", r.Context().Err())
		}
	})
	h := http.TimeoutHandler(slow, 20*time.Millisecond, `{"error":"timed out"}`)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/report", nil))
	<-stopped // wait for the handler to notice
	fmt.Println(rec.Code, rec.Body.String())
	// Output:
	// handler stopped: context deadline exceeded
	// 503 {"error":"timed out"}
}

// ANCHOR_END: timeout
