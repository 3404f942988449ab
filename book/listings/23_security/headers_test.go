package security

import (
	"fmt"
	"net/http"
	"net/http/httptest"
)

// ANCHOR: headers
func secureHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header() // set before next: after its first Write it is too late
		h.Set("Content-Security-Policy",
			"default-src 'self'; frame-ancestors 'none'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		if r.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		next.ServeHTTP(w, r)
	})
}

// ANCHOR_END: headers

func Example_headers() {
	h := secureHeaders(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<h1>hi</h1>"))
	}))
	for _, url := range []string{"http://example.com/", "https://example.com/"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", url, nil))
		fmt.Printf("%s nosniff=%q hsts=%q\n", url,
			rec.Header().Get("X-Content-Type-Options"),
			rec.Header().Get("Strict-Transport-Security"))
	}
	// Output:
	// http://example.com/ nosniff="nosniff" hsts=""
	// https://example.com/ nosniff="nosniff" hsts="max-age=63072000; includeSubDomains"
}
