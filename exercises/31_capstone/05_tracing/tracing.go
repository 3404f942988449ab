// Capstone, stage 5: tracing. The service is stage 4's, finished; it now
// takes a trace.TracerProvider, NewHandler's last argument, and ignores
// it. Make it trace with OpenTelemetry:
//
//   - Tracing: a span of kind Server per request, started from the
//     caller's trace when the request has a traceparent header, named
//     after the route pattern ("GET /bookmarks/{id}", never the path),
//     with the attributes http.request.method (string), http.route (the
//     pattern's path, "/bookmarks/{id}") and http.response.status_code
//     (int), and status Error when the answer is a 5xx (unset otherwise);
//   - TracedRepository: a span of kind Client around every call to the
//     repository, a child of the request's span, named db.create, db.get,
//     db.list, db.update, db.delete or db.ping, with the call's error, if
//     any, recorded on it (RecordError) and status Error;
//   - NewHandler (server.go): use both.
//
// Every span ends, on every path. Done when the hidden tests (they record
// the spans in memory) and the probes of the running service pass.
package bookmarks

import (
	"net/http"

	"go.opentelemetry.io/otel/trace"
)

// TracerName names the tracer the service takes from its TracerProvider.
const TracerName = "bookmarks"

// Tracing traces each request in a span of kind Server. The span joins
// the caller's trace when the request carries a W3C traceparent header.
// Once the request is served, the span is named after the route pattern
// that matched ("GET /bookmarks/{id}", never the path) and has the
// attributes http.request.method, http.route (the pattern's path,
// "/bookmarks/{id}") and http.response.status_code; a 5xx status marks it
// as failed. The request's context holds the span, so the spans started
// from it further in are its children.
func Tracing(tp trace.TracerProvider) Middleware {
	return func(next http.Handler) http.Handler {
		// TODO: extract the caller's trace context, start the span, pass
		// the request on with the span in its context, then name the span
		// and set its attributes and status.
		return next
	}
}

// TracedRepository returns repo with each call in a span of kind Client,
// a child of the span in the call's context, named db.create, db.get,
// db.list, db.update, db.delete or db.ping. An error the call returns is
// recorded on its span, which is marked as failed.
func TracedRepository(repo Repository, tp trace.TracerProvider) Repository {
	// TODO: a type that implements Repository by calling repo inside a
	// span, one method at a time.
	return repo
}
