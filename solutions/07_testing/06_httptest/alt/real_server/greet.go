// Package greet is a one-endpoint HTTP API that greets people by name.
package greet

import (
	"encoding/json"
	"net/http"
)

// Greet answers GET /greet?name=NAME:
//
//   - 200 OK with the JSON body {"greeting":"Hello, NAME!"}, for any name,
//     including one with quotes, accents or emoji;
//   - 400 Bad Request with the JSON body {"error":"missing name"} when the
//     name is missing or empty;
//   - 405 Method Not Allowed, with the header "Allow: GET", for any method
//     other than GET (the body does not matter).
//
// Every JSON answer has the header "Content-Type: application/json".
func Greet(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", http.MethodGet)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := r.URL.Query().Get("name")
	if name == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "missing name"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"greeting": "Hello, " + name + "!"})
}

// writeJSON sends v as JSON with the given status. Headers must be set
// before WriteHeader: after it they are ignored.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v) // the status is sent: an error can only be logged
}
