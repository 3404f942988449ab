package observability

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/pprof"
)

// ANCHOR: admin
// adminMux serves the profiler, and nothing else, on a mux of its own.
func adminMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /debug/pprof/", pprof.Index) // index + heap, goroutine…
	mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	return mux
}

// listenAdmin opens the admin listener on the loopback interface only.
func listenAdmin(port string) (net.Listener, error) {
	return net.Listen("tcp", net.JoinHostPort("127.0.0.1", port))
}

// ANCHOR_END: admin

func Example_pprofAdmin() {
	public := http.NewServeMux()
	public.HandleFunc("GET /orders", func(w http.ResponseWriter, r *http.Request) {})
	for _, h := range []struct {
		name string
		h    http.Handler
	}{{"public", public}, {"admin", adminMux()}} {
		rec := httptest.NewRecorder()
		h.h.ServeHTTP(rec, httptest.NewRequest("GET", "/debug/pprof/", nil))
		fmt.Println(h.name, rec.Code)
	}
	l, err := listenAdmin("0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer l.Close()
	fmt.Println("admin on loopback:", l.Addr().(*net.TCPAddr).IP.IsLoopback())
	// Output:
	// public 404
	// admin 200
	// admin on loopback: true
}
