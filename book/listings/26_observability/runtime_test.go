package observability

import (
	"fmt"
	"io"
	"os"
	"runtime/metrics"
	"strings"
)

// ANCHOR: runtime
// writeRuntime reads the runtime's numbers now (call it at each scrape)
// and writes them in the Prometheus text format.
func writeRuntime(w io.Writer) {
	samples := []metrics.Sample{
		{Name: "/sched/goroutines:goroutines"},
		{Name: "/memory/classes/heap/objects:bytes"},
	}
	metrics.Read(samples)
	fmt.Fprintln(w, "# HELP go_goroutines Goroutines that currently exist.")
	fmt.Fprintln(w, "# TYPE go_goroutines gauge")
	fmt.Fprintln(w, "go_goroutines", samples[0].Value.Uint64())
	fmt.Fprintln(w, "# HELP go_heap_objects_bytes Bytes in heap objects.")
	fmt.Fprintln(w, "# TYPE go_heap_objects_bytes gauge")
	fmt.Fprintln(w, "go_heap_objects_bytes", samples[1].Value.Uint64())
}

// ANCHOR_END: runtime

func Example_runtimeMetrics() {
	var b strings.Builder
	writeRuntime(&b)
	// The numbers change from run to run: print the lines without them.
	for line := range strings.Lines(b.String()) {
		if !strings.HasPrefix(line, "#") {
			line = line[:strings.IndexByte(line, ' ')] + " …\n"
		}
		os.Stdout.WriteString(line)
	}
	// Output:
	// # HELP go_goroutines Goroutines that currently exist.
	// # TYPE go_goroutines gauge
	// go_goroutines …
	// # HELP go_heap_objects_bytes Bytes in heap objects.
	// # TYPE go_heap_objects_bytes gauge
	// go_heap_objects_bytes …
}

func Example_runtimeDescription() {
	// ANCHOR: describe
	for _, d := range metrics.All() {
		if d.Name == "/gc/cycles/total:gc-cycles" {
			fmt.Println(d.Kind == metrics.KindUint64, d.Cumulative)
		}
	}
	// ANCHOR_END: describe

	// Output:
	// true true
}
