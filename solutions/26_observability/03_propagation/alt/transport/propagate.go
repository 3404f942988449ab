// Alternative: injection lives in an http.RoundTripper that wraps the
// client's transport, and extraction in a middleware around the handler.
package propagate

import (
	"context"
	"fmt"
	"io"
	"net/http"

	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

// injecting adds the trace context of each request's ctx to its headers.
type injecting struct{ next http.RoundTripper }

func (t injecting) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	propagation.TraceContext{}.Inject(req.Context(), propagation.HeaderCarrier(req.Header))
	return t.next.RoundTrip(req)
}

// Fetch GETs url with client inside a client span named "frontend.fetch",
// started from ctx, and returns the body.
func Fetch(ctx context.Context, tracer trace.Tracer, client *http.Client, url string) (string, error) {
	ctx, span := tracer.Start(ctx, "frontend.fetch", trace.WithSpanKind(trace.SpanKindClient))
	defer span.End()

	base := client.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	c := *client
	c.Transport = injecting{base}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := c.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// extracting puts the caller's trace context into each request's ctx.
func extracting(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := propagation.TraceContext{}.Extract(r.Context(), propagation.HeaderCarrier(r.Header))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// Handler returns the backend: each request is traced as a server span
// named "backend.handle" and answered with "ok".
func Handler(tracer trace.Tracer) http.Handler {
	return extracting(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, span := tracer.Start(r.Context(), "backend.handle",
			trace.WithSpanKind(trace.SpanKindServer))
		defer span.End()
		io.WriteString(w, "ok")
	}))
}
