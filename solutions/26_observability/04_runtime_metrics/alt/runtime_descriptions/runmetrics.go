// Alternative: takes each HELP text from the runtime's own description
// (metrics.All), keeps one sample slice per scrape in a map keyed by
// Prometheus name, and prints with fmt.Fprintln.
package runmetrics

import (
	"fmt"
	"net/http"
	"runtime/metrics"
	"strings"
)

// ContentType is the media type of the Prometheus text format.
const ContentType = "text/plain; version=0.0.4; charset=utf-8"

var (
	names   = []string{"go_goroutines", "go_heap_objects_bytes", "go_gc_cycles_total"}
	sources = map[string]string{
		"go_goroutines":         "/sched/goroutines:goroutines",
		"go_heap_objects_bytes": "/memory/classes/heap/objects:bytes",
		"go_gc_cycles_total":    "/gc/cycles/total:gc-cycles",
	}
	help = map[string]string{}
)

func init() {
	for _, d := range metrics.All() {
		for name, src := range sources {
			if d.Name == src {
				// HELP text is one line.
				help[name] = strings.Join(strings.Fields(d.Description), " ")
			}
		}
	}
}

// Handler serves the three metrics, read afresh at each request.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		samples := make([]metrics.Sample, 0, len(names))
		for _, n := range names {
			samples = append(samples, metrics.Sample{Name: sources[n]})
		}
		metrics.Read(samples)
		w.Header().Set("Content-Type", ContentType)
		for i, n := range names {
			kind := "gauge"
			if strings.HasSuffix(n, "_total") {
				kind = "counter"
			}
			fmt.Fprintln(w, "# HELP", n, help[n])
			fmt.Fprintln(w, "# TYPE", n, kind)
			fmt.Fprintln(w, n, samples[i].Value.Uint64())
		}
	})
}
