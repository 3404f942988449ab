package production

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"sync"
)

// ANCHOR: exposition
// jobMetrics counts finished jobs by queue and outcome.
type jobMetrics struct {
	mu   sync.Mutex
	done map[[2]string]int // {queue, outcome} → count
}

func (m *jobMetrics) finished(queue, outcome string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.done[[2]string{queue, outcome}]++
}

// writeTo writes the metrics in the Prometheus text format.
func (m *jobMetrics) writeTo(w io.Writer, goroutines int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintln(w, "# HELP jobs_done_total Jobs finished, by queue and outcome.")
	fmt.Fprintln(w, "# TYPE jobs_done_total counter")
	keys := make([][2]string, 0, len(m.done))
	for k := range m.done {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1]
	})
	for _, k := range keys {
		fmt.Fprintf(w, "jobs_done_total{queue=%s,outcome=%s} %d\n",
			strconv.Quote(k[0]), strconv.Quote(k[1]), m.done[k])
	}
	fmt.Fprintln(w, "# HELP go_goroutines Goroutines that currently exist.")
	fmt.Fprintln(w, "# TYPE go_goroutines gauge")
	fmt.Fprintf(w, "go_goroutines %d\n", goroutines)
}

func Example_exposition() {
	m := &jobMetrics{done: map[[2]string]int{}}
	m.finished("emails", "ok")
	m.finished("emails", "ok")
	m.finished("emails", "failed")
	m.finished("thumbnails", "ok")
	m.writeTo(os.Stdout, 12) // in a real handler: runtime.NumGoroutine()
	// Output:
	// # HELP jobs_done_total Jobs finished, by queue and outcome.
	// # TYPE jobs_done_total counter
	// jobs_done_total{queue="emails",outcome="failed"} 1
	// jobs_done_total{queue="emails",outcome="ok"} 2
	// jobs_done_total{queue="thumbnails",outcome="ok"} 1
	// # HELP go_goroutines Goroutines that currently exist.
	// # TYPE go_goroutines gauge
	// go_goroutines 12
}

// ANCHOR_END: exposition
