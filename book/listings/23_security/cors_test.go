package security

import (
	"fmt"
	"net/http"
	"net/http/httptest"
)

// ANCHOR: cors
// allowOrigins answers simple cross-origin requests from the listed
// origins; preflights are left out here.
func allowOrigins(allowed map[string]bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Origin") // the answer depends on Origin
		if origin := r.Header.Get("Origin"); allowed[origin] {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
		next.ServeHTTP(w, r)
	})
}

// ANCHOR_END: cors

func Example_cors() {
	h := allowOrigins(map[string]bool{"https://app.example.com": true},
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	for _, origin := range []string{"https://app.example.com", "https://evil.example"} {
		req := httptest.NewRequest("GET", "/api/me", nil)
		req.Header.Set("Origin", origin)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		fmt.Printf("%s: %q\n", origin, rec.Header().Get("Access-Control-Allow-Origin"))
	}
	// Output:
	// https://app.example.com: "https://app.example.com"
	// https://evil.example: ""
}
