// Export the state of a database connection pool for Prometheus. At each
// scrape, take db.Stats() and write, in the Prometheus text format (a
// "# HELP" line, a "# TYPE" line and a "name value" line per metric):
//
//	db_open_connections      gauge    OpenConnections
//	db_in_use_connections    gauge    InUse
//	db_idle_connections      gauge    Idle
//	db_max_open_connections  gauge    MaxOpenConnections
//	db_wait_count_total      counter  WaitCount
//
// In-use connections near the maximum, with the wait count climbing, is
// the pool telling you requests queue for a connection.
//
// Done when the hidden tests pass: they hold and release connections of a
// pool and scrape between the steps.
package poolmetrics

import (
	"database/sql"
	"net/http"
)

// ContentType is the media type of the Prometheus text format.
const ContentType = "text/plain; version=0.0.4; charset=utf-8"

// Handler serves the pool metrics of db.
func Handler(db *sql.DB) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ContentType)
		// TODO: write the metrics from db.Stats().
	})
}
