// Alternative: reads each sample with its own metrics.Read call through a
// helper that handles both uint64 and float64 kinds, and builds the body in
// a strings.Builder before writing it once.
package runmetrics

import (
	"net/http"
	"runtime/metrics"
	"strconv"
	"strings"
)

// ContentType is the media type of the Prometheus text format.
const ContentType = "text/plain; version=0.0.4; charset=utf-8"

func read(name string) float64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	switch s[0].Value.Kind() {
	case metrics.KindUint64:
		return float64(s[0].Value.Uint64())
	case metrics.KindFloat64:
		return s[0].Value.Float64()
	}
	return 0
}

func write(b *strings.Builder, name, kind, help string, v float64) {
	b.WriteString("# HELP " + name + " " + help + "\n")
	b.WriteString("# TYPE " + name + " " + kind + "\n")
	b.WriteString(name + " " + strconv.FormatFloat(v, 'g', -1, 64) + "\n")
}

// Handler serves the three metrics, read afresh at each request.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		write(&b, "go_goroutines", "gauge", "Goroutines that exist now.",
			read("/sched/goroutines:goroutines"))
		write(&b, "go_heap_objects_bytes", "gauge", "Heap bytes in objects.",
			read("/memory/classes/heap/objects:bytes"))
		write(&b, "go_gc_cycles_total", "counter", "GC cycles completed.",
			read("/gc/cycles/total:gc-cycles"))
		w.Header().Set("Content-Type", ContentType)
		w.Write([]byte(b.String()))
	})
}
