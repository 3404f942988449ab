// Alternative: renders the whole exposition with text/template from the
// sql.DBStats of each scrape.
package poolmetrics

import (
	"database/sql"
	"net/http"
	"text/template"
)

// ContentType is the media type of the Prometheus text format.
const ContentType = "text/plain; version=0.0.4; charset=utf-8"

var page = template.Must(template.New("metrics").Parse(
	`# HELP db_open_connections Established connections, in use and idle.
# TYPE db_open_connections gauge
db_open_connections {{.OpenConnections}}
# HELP db_in_use_connections Connections currently in use.
# TYPE db_in_use_connections gauge
db_in_use_connections {{.InUse}}
# HELP db_idle_connections Idle connections.
# TYPE db_idle_connections gauge
db_idle_connections {{.Idle}}
# HELP db_max_open_connections Maximum number of open connections.
# TYPE db_max_open_connections gauge
db_max_open_connections {{.MaxOpenConnections}}
# HELP db_wait_count_total Total connections waited for.
# TYPE db_wait_count_total counter
db_wait_count_total {{.WaitCount}}
`))

// Handler serves the pool metrics of db.
func Handler(db *sql.DB) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ContentType)
		if err := page.Execute(w, db.Stats()); err != nil {
			http.Error(w, "metrics unavailable", http.StatusInternalServerError)
		}
	})
}
