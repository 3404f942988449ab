// Command clock is a tiny HTTP server: GET /time answers the current time.
package main

// ANCHOR: server
import (
	"fmt"
	"log"
	"net/http"
	"os"
	"time"
)

func main() {
	// Where to listen comes from the environment, with a default for
	// running by hand. Never hard-code the port: the platform decides it.
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}

	mux := http.NewServeMux() // our own router, not the global one
	mux.HandleFunc("GET /time", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, time.Now().UTC().Format(time.RFC3339))
	})

	log.Printf("listening on %s", addr)
	// ListenAndServe only returns on failure (port taken, permission…).
	log.Fatal(http.ListenAndServe(addr, mux))
}

// ANCHOR_END: server
