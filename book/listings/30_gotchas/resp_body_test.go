package gotchas

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
)

// countingServer answers "ok" and counts the connections opened to it.
func countingServer() (*httptest.Server, *atomic.Int32) {
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, "ok\n")
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	return srv, &conns
}

func Example_responseBodies() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel() // releases the connections the first loop leaks
	for _, mode := range []string{"never closed", "closed", "read to the end and closed"} {
		srv, conns := countingServer()
		client := &http.Client{Transport: &http.Transport{}}
		for range 5 {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL, nil)
			resp, err := client.Do(req)
			if err != nil {
				fmt.Println(err)
				return
			}
			switch mode {
			case "closed":
				resp.Body.Close()
			case "read to the end and closed":
				// ANCHOR: drain
				io.Copy(io.Discard, resp.Body) // read what is left...
				resp.Body.Close()              // ...and close: it goes back to the pool
				// ANCHOR_END: drain
			}
		}
		fmt.Printf("bodies %s: 5 requests, %d connections opened\n", mode, conns.Load())
		srv.CloseClientConnections()
		srv.Close()
	}
	// Output:
	// bodies never closed: 5 requests, 5 connections opened
	// bodies closed: 5 requests, 5 connections opened
	// bodies read to the end and closed: 5 requests, 1 connections opened
}
