// Alternative: a table of metrics, each with a function that picks its
// value out of sql.DBStats, written through a bufio.Writer.
package poolmetrics

import (
	"bufio"
	"database/sql"
	"fmt"
	"net/http"
)

// ContentType is the media type of the Prometheus text format.
const ContentType = "text/plain; version=0.0.4; charset=utf-8"

var table = []struct {
	name, kind, help string
	value            func(sql.DBStats) int64
}{
	{"db_open_connections", "gauge", "Open connections.",
		func(s sql.DBStats) int64 { return int64(s.OpenConnections) }},
	{"db_in_use_connections", "gauge", "Connections in use.",
		func(s sql.DBStats) int64 { return int64(s.InUse) }},
	{"db_idle_connections", "gauge", "Idle connections.",
		func(s sql.DBStats) int64 { return int64(s.Idle) }},
	{"db_max_open_connections", "gauge", "Connection limit (0: none).",
		func(s sql.DBStats) int64 { return int64(s.MaxOpenConnections) }},
	{"db_wait_count_total", "counter", "Waits for a connection.",
		func(s sql.DBStats) int64 { return s.WaitCount }},
}

// Handler serves the pool metrics of db.
func Handler(db *sql.DB) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		stats := db.Stats()
		w.Header().Set("Content-Type", ContentType)
		bw := bufio.NewWriter(w)
		defer bw.Flush()
		for _, m := range table {
			fmt.Fprintf(bw, "# HELP %s %s\n", m.name, m.help)
			fmt.Fprintf(bw, "# TYPE %s %s\n", m.name, m.kind)
			fmt.Fprintf(bw, "%s %d\n", m.name, m.value(stats))
		}
	})
}
