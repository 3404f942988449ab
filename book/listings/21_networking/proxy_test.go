package networking

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
)

// ANCHOR: proxy
func newProxy(target *url.URL) *httputil.ReverseProxy {
	return &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(target) // scheme, host and path prefix; Host too
			r.SetXForwarded()
		},
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			// Log err for yourself; the client learns only that it failed.
			http.Error(w, "bad gateway", http.StatusBadGateway)
		},
	}
}

// ANCHOR_END: proxy

func Example_newProxy() {
	h := func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "path=%s for=%s host=%s proto=%s\n", r.URL.Path,
			r.Header.Get("X-Forwarded-For"), r.Header.Get("X-Forwarded-Host"),
			r.Header.Get("X-Forwarded-Proto"))
	}
	backend := httptest.NewServer(http.HandlerFunc(h))
	target, _ := url.Parse(backend.URL + "/v1")
	front := httptest.NewServer(newProxy(target))
	defer front.Close()

	req, _ := http.NewRequest("GET", front.URL+"/users", nil)
	req.Host = "api.example"
	req.Header.Set("X-Forwarded-For", "10.6.6.6") // made up by the client
	resp, _ := http.DefaultClient.Do(req)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Print(string(body))

	backend.Close() // now the backend is down
	resp, _ = http.Get(front.URL + "/users")
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Print(resp.StatusCode, " ", string(body))
	// Output:
	// path=/v1/users for=127.0.0.1 host=api.example proto=http
	// 502 bad gateway
}
