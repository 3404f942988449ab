// Alternative: the admin mux is built once at package level and wrapped in
// a sub-mux mounted under /debug/; the listener is opened with
// net.ListenTCP on an explicit loopback address.
package admin

import (
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"strconv"
)

var adminMux = func() *http.ServeMux {
	debug := http.NewServeMux()
	debug.HandleFunc("/debug/pprof/", pprof.Index)
	debug.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	debug.HandleFunc("/debug/pprof/profile", pprof.Profile)
	debug.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	debug.HandleFunc("/debug/pprof/trace", pprof.Trace)
	root := http.NewServeMux()
	root.Handle("/debug/", debug)
	return root
}()

// PublicHandler returns the handler of the public listener.
func PublicHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "hello")
	})
	return mux
}

// AdminHandler returns the handler of the admin listener.
func AdminHandler() http.Handler { return adminMux }

// ListenAdmin opens the admin listener on port ("0": any free port).
func ListenAdmin(port string) (net.Listener, error) {
	p, err := strconv.Atoi(port)
	if err != nil {
		return nil, fmt.Errorf("admin port %q: %w", port, err)
	}
	return net.ListenTCP("tcp", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: p})
}
