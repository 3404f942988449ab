package production

import (
	"fmt"
	"net/http"
	"time"
)

// ANCHOR: server
// newServer limits every phase of a connection's life.
func newServer(h http.Handler) *http.Server {
	return &http.Server{
		Addr:              "127.0.0.1:8080",
		Handler:           h,
		ReadHeaderTimeout: 3 * time.Second,  // request line + headers
		ReadTimeout:       15 * time.Second, // ... + the body (an upload)
		WriteTimeout:      20 * time.Second, // from end of headers to end of answer
		IdleTimeout:       90 * time.Second, // keep-alive: waiting for the next request
		MaxHeaderBytes:    64 << 10,         // 64 KiB of headers (the default is 1 MiB)
	}
}

// ANCHOR_END: server

func Example_server() {
	srv := newServer(http.NotFoundHandler())
	fmt.Println(srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout)
	// Output: 3s 15s 20s 1m30s
}
