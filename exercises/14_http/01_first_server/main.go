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
)

func main() {
	// TODO: register the health check on a ServeMux of your own, and listen
	// on os.Getenv("ADDR").
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "Hello, World!")
	})

	log.Println("server starting on :8080")
	log.Fatal(http.ListenAndServe(":8080", nil))
}
