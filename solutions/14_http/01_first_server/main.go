// Your first server. The runner starts this program and sends it requests
// on the address in the ADDR environment variable (PORT holds the port).
// Listen there instead of :8080, and answer GET /health with status 200 and
// a body containing "ok"; another method on /health must answer 405 Method
// Not Allowed, and every other path 404 Not Found.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
)

func main() {
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080" // when started by hand
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", health)

	log.Printf("listening on %s", addr)
	if err := http.ListenAndServe(addr, mux); err != nil {
		log.Fatal(err)
	}
}

// health answers the load balancer's "are you alive?" question.
func health(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintln(w, "ok")
}
