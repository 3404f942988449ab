// Wrong: registers only pprof.Index; the index links to cmdline, profile,
// symbol and trace, which then answer 404.
// The profiler is one import away, and that import is the problem: a blank
// import of net/http/pprof registers /debug/pprof/ on http.DefaultServeMux,
// and this code hands the default mux to the public listener, so anyone on
// the internet can read the program's command line, dump its goroutines
// and make it profile itself. Separate the two:
//
//   - PublicHandler serves GET /hello and nothing under /debug/pprof/;
//   - AdminHandler serves the profiler on a mux of its own: the index and
//     named profiles (pprof.Index), cmdline, profile, symbol and trace;
//   - neither handler is, or falls back to, http.DefaultServeMux: importing
//     net/http/pprof registers the profiler there, whatever name you import
//     it under, and any other package may register its own pages there too;
//   - ListenAdmin listens on the loopback interface only, 127.0.0.1, so
//     only someone already on the machine (or through an SSH tunnel) can
//     reach the admin handler.
//
// Done when the hidden tests pass.
package admin

import (
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
)

// PublicHandler returns the handler of the public listener.
func PublicHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /hello", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "hello")
	})
	return mux
}

// AdminHandler returns the handler of the admin listener.
func AdminHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	return mux
}

// ListenAdmin opens the admin listener on port ("0": any free port).
func ListenAdmin(port string) (net.Listener, error) {
	return net.Listen("tcp", net.JoinHostPort("127.0.0.1", port))
}
