// Wrong: reads the samples once, when the handler is built, and serves the
// same numbers at every scrape.
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
	"fmt"
	"net/http"
	"runtime/metrics"
)

// ContentType is the media type of the Prometheus text format.
const ContentType = "text/plain; version=0.0.4; charset=utf-8"

type metric struct {
	name, kind, help, sample string
}

var exported = []metric{
	{"go_goroutines", "gauge", "Number of live goroutines.", "/sched/goroutines:goroutines"},
	{"go_heap_objects_bytes", "gauge", "Bytes of heap objects, live or not yet swept.",
		"/memory/classes/heap/objects:bytes"},
	{"go_gc_cycles_total", "counter", "Completed GC cycles.", "/gc/cycles/total:gc-cycles"},
}

// Handler serves the three metrics, read afresh at each request.
func Handler() http.Handler {
	samples := make([]metrics.Sample, len(exported))
	for i, m := range exported {
		samples[i].Name = m.sample
	}
	metrics.Read(samples)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ContentType)
		for i, m := range exported {
			fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n%s %d\n",
				m.name, m.help, m.name, m.kind, m.name, samples[i].Value.Uint64())
		}
	})
}
