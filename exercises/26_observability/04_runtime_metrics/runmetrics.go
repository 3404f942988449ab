// Export the Go runtime's own numbers for Prometheus to scrape. Read them
// with runtime/metrics (metrics.Read) on every scrape (not once at start),
// and write them in the Prometheus text format, each metric as a
// "# HELP name text" line, a "# TYPE name kind" line and a "name value"
// line:
//
//	go_goroutines          gauge    from /sched/goroutines:goroutines
//	go_heap_objects_bytes  gauge    from /memory/classes/heap/objects:bytes
//	go_gc_cycles_total     counter  from /gc/cycles/total:gc-cycles
//
// A gauge goes up and down (goroutines alive now); a counter only goes up
// (GC cycles since the program started), and Prometheus treats the two
// differently, so the TYPE must be right.
//
// Done when the hidden tests pass: they scrape, start goroutines, allocate
// and collect garbage, and scrape again.
package runmetrics

import (
	"net/http"
)

// ContentType is the media type of the Prometheus text format.
const ContentType = "text/plain; version=0.0.4; charset=utf-8"

// Handler serves the three metrics, read afresh at each request.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ContentType)
		// TODO: read the samples with metrics.Read and write the metrics.
	})
}
