package observability

import (
	"database/sql"
	"fmt"
	"io"
	"os"
)

// ANCHOR: pool
// writePool writes a snapshot of a connection pool (db.Stats(), taken at
// each scrape) in the Prometheus text format.
func writePool(w io.Writer, s sql.DBStats) {
	gauge := func(name, help string, v int) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s gauge\n%s %d\n",
			name, help, name, name, v)
	}
	gauge("app_db_in_use", "Connections in use.", s.InUse)
	gauge("app_db_idle", "Idle connections.", s.Idle)
	fmt.Fprintf(w, "# HELP app_db_waits_total Waits for a free connection.\n"+
		"# TYPE app_db_waits_total counter\napp_db_waits_total %d\n", s.WaitCount)
}

// ANCHOR_END: pool

func Example_pool() {
	writePool(os.Stdout, sql.DBStats{OpenConnections: 10, InUse: 10, WaitCount: 37})
	// Output:
	// # HELP app_db_in_use Connections in use.
	// # TYPE app_db_in_use gauge
	// app_db_in_use 10
	// # HELP app_db_idle Idle connections.
	// # TYPE app_db_idle gauge
	// app_db_idle 0
	// # HELP app_db_waits_total Waits for a free connection.
	// # TYPE app_db_waits_total counter
	// app_db_waits_total 37
}
