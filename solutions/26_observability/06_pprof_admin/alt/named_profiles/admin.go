// Alternative: the admin mux uses GET-only method patterns and registers
// each named profile with pprof.Handler, besides the index; the public
// handler is a plain HandlerFunc rather than a mux.
package admin

import (
	"io"
	"net"
	"net/http"
	"net/http/pprof"
	rpprof "runtime/pprof"
)

// PublicHandler returns the handler of the public listener.
func PublicHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || r.URL.Path != "/hello" {
			http.NotFound(w, r)
			return
		}
		io.WriteString(w, "hello\n")
	})
}

// AdminHandler returns the handler of the admin listener.
func AdminHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /debug/pprof/", pprof.Index)
	for _, p := range rpprof.Profiles() {
		mux.Handle("GET /debug/pprof/"+p.Name(), pprof.Handler(p.Name()))
	}
	mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	return mux
}

// ListenAdmin opens the admin listener on port ("0": any free port).
func ListenAdmin(port string) (net.Listener, error) {
	return net.Listen("tcp", "127.0.0.1:"+port)
}
