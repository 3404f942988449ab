package production

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
)

// ANCHOR: ready
// Gate is a readiness flag: closed while the service starts, open when it
// can serve, closed again when it begins to shut down.
type Gate struct{ open atomic.Bool }

func (g *Gate) Open()  { g.open.Store(true) }
func (g *Gate) Close() { g.open.Store(false) }

// ServeHTTP answers GET /ready.
func (g *Gate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !g.open.Load() {
		http.Error(w, "not ready", http.StatusServiceUnavailable)
		return
	}
	fmt.Fprintln(w, "ready")
}

func Example_ready() {
	var gate Gate
	probe := func() {
		rec := httptest.NewRecorder()
		gate.ServeHTTP(rec, httptest.NewRequest("GET", "/ready", nil))
		fmt.Println(rec.Code)
	}
	probe()      // starting: caches cold, connections not open yet
	gate.Open()  // everything is up
	probe()      // gets traffic
	gate.Close() // SIGTERM: the load balancer must stop sending requests
	probe()
	// Output:
	// 503
	// 200
	// 503
}

// ANCHOR_END: ready
