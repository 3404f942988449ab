package security

import (
	"fmt"
	"net/http"
	"net/http/httptest"
)

// ANCHOR: csrf
func Example_crossOriginProtection() {
	cop := http.NewCrossOriginProtection()
	if err := cop.AddTrustedOrigin("https://sso.example.net"); err != nil {
		panic(err)
	}
	h := cop.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "done")
	}))

	try := func(method, site, origin string) {
		req := httptest.NewRequest(method, "https://example.com/transfer", nil)
		if site != "" {
			req.Header.Set("Sec-Fetch-Site", site)
		}
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		fmt.Println(method, site, origin, rec.Code)
	}
	try("POST", "same-origin", "https://example.com")
	try("POST", "cross-site", "https://evil.example")
	try("GET", "cross-site", "https://evil.example")     // safe method
	try("POST", "", "https://evil.example")              // older browser
	try("POST", "", "")                                  // curl, another server
	try("POST", "cross-site", "https://sso.example.net") // trusted
	// Output:
	// POST same-origin https://example.com 200
	// POST cross-site https://evil.example 403
	// GET cross-site https://evil.example 200
	// POST  https://evil.example 403
	// POST   200
	// POST cross-site https://sso.example.net 200
}

// ANCHOR_END: csrf
