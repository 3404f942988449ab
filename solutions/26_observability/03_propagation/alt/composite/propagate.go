// Alternative: one package-level composite propagator (trace context plus
// baggage), and the server extracts before building its request context.
package propagate

import (
	"context"
	"fmt"
	"io"
	"net/http"

	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

var propagator = propagation.NewCompositeTextMapPropagator(
	propagation.TraceContext{}, propagation.Baggage{})

// Fetch GETs url with client inside a client span named "frontend.fetch",
// started from ctx, and returns the body.
func Fetch(ctx context.Context, tracer trace.Tracer, client *http.Client, url string) (string, error) {
	ctx, span := tracer.Start(ctx, "frontend.fetch", trace.WithSpanKind(trace.SpanKindClient))
	defer span.End()

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	propagator.Inject(ctx, propagation.HeaderCarrier(req.Header))
	resp, err := client.Do(req)
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

// Handler returns the backend: each request is traced as a server span
// named "backend.handle" and answered with "ok".
func Handler(tracer trace.Tracer) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		parent := propagator.Extract(r.Context(), propagation.HeaderCarrier(r.Header))
		_, span := tracer.Start(parent, "backend.handle",
			trace.WithSpanKind(trace.SpanKindServer))
		defer span.End()
		w.Write([]byte("ok"))
	})
}
