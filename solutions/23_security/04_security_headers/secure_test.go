package secheaders

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var testHandlers = []struct {
	name string
	h    http.HandlerFunc
}{
	{"a handler that writes a body", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<p>hello</p>"))
	}},
	{"a handler that answers 404", func(w http.ResponseWriter, r *http.Request) {
		http.NotFound(w, r)
	}},
	{"a handler that writes JSON with 201", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		json.NewEncoder(w).Encode(map[string]int{"id": 1})
	}},
	{"a handler that writes nothing", func(w http.ResponseWriter, r *http.Request) {}},
}

// testGet serves h behind Secure on a real server (TLS or not) and
// returns the response headers of GET /.
func testGet(t *testing.T, h http.Handler, useTLS bool) http.Header {
	t.Helper()
	var srv *httptest.Server
	if useTLS {
		srv = httptest.NewTLSServer(Secure(h))
	} else {
		srv = httptest.NewServer(Secure(h))
	}
	defer srv.Close()
	c := srv.Client()
	defer c.CloseIdleConnections()
	resp, err := c.Get(srv.URL + "/")
	if err != nil {
		t.Fatalf("GET /: %v", err)
	}
	resp.Body.Close()
	return resp.Header
}

// testDirectives parses a Content-Security-Policy into directive → sources.
func testDirectives(policy string) map[string][]string {
	d := map[string][]string{}
	for part := range strings.SplitSeq(policy, ";") {
		f := strings.Fields(part)
		if len(f) > 0 {
			d[strings.ToLower(f[0])] = f[1:]
		}
	}
	return d
}

func testCheck(t *testing.T, what string, h http.Header) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	if csp == "" {
		t.Errorf("%s: no Content-Security-Policy header", what)
	} else {
		d := testDirectives(csp)
		if src := d["default-src"]; !slices.Contains(src, "'self'") && !slices.Contains(src, "'none'") {
			t.Errorf("%s: Content-Security-Policy %q: default-src is %q, want 'self' or 'none'", what, csp, src)
		}
		if fa := d["frame-ancestors"]; !slices.Equal(fa, []string{"'none'"}) {
			t.Errorf("%s: Content-Security-Policy %q: frame-ancestors is %q, want 'none'", what, csp, fa)
		}
		for name, srcs := range d {
			for _, s := range srcs {
				if s == "*" || strings.EqualFold(s, "'unsafe-inline'") || strings.EqualFold(s, "'unsafe-eval'") {
					t.Errorf("%s: Content-Security-Policy %q: %s allows %s", what, csp, name, s)
				}
			}
		}
	}
	if got := h.Get("X-Content-Type-Options"); !strings.EqualFold(got, "nosniff") {
		t.Errorf("%s: X-Content-Type-Options = %q, want \"nosniff\"", what, got)
	}
	if got := h.Get("X-Frame-Options"); !strings.EqualFold(got, "DENY") {
		t.Errorf("%s: X-Frame-Options = %q, want \"DENY\"", what, got)
	}
	safe := []string{"strict-origin-when-cross-origin", "strict-origin", "same-origin", "no-referrer"}
	if got := h.Get("Referrer-Policy"); !slices.Contains(safe, strings.ToLower(got)) {
		t.Errorf("%s: Referrer-Policy = %q, want one of %q", what, got, safe)
	}
}

func TestHeadersOnEveryResponse(t *testing.T) {
	for _, tt := range testHandlers {
		t.Run(tt.name, func(t *testing.T) {
			testCheck(t, tt.name+", over HTTP", testGet(t, tt.h, false))
			testCheck(t, tt.name+", over HTTPS", testGet(t, tt.h, true))
		})
	}
}

func TestHSTSOnlyOverTLS(t *testing.T) {
	for _, tt := range testHandlers {
		t.Run(tt.name, func(t *testing.T) {
			if got := testGet(t, tt.h, false).Values("Strict-Transport-Security"); len(got) != 0 {
				t.Errorf("%s, over plain HTTP: Strict-Transport-Security = %q, want no such header", tt.name, got)
			}
			got := testGet(t, tt.h, true).Get("Strict-Transport-Security")
			maxAge := -1
			for part := range strings.SplitSeq(got, ";") {
				k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
				if strings.EqualFold(k, "max-age") {
					maxAge, _ = strconv.Atoi(strings.Trim(v, `"`))
				}
			}
			if maxAge < 31536000 {
				t.Errorf("%s, over HTTPS: Strict-Transport-Security = %q, want a max-age of at least 31536000", tt.name, got)
			}
		})
	}
}

func TestHandlerKeepsItsOwnValues(t *testing.T) {
	const policy = "default-src 'none'; frame-ancestors 'none'; img-src 'self'"
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", policy)
		w.Header().Set("Referrer-Policy", "no-referrer")
		w.Write([]byte("<img src=/logo.png>"))
	})
	got := testGet(t, h, false)
	if v := got.Values("Content-Security-Policy"); !slices.Equal(v, []string{policy}) {
		t.Errorf("the handler set Content-Security-Policy: %q; the response has %q, want only the handler's", policy, v)
	}
	if v := got.Values("Referrer-Policy"); !slices.Equal(v, []string{"no-referrer"}) {
		t.Errorf("the handler set Referrer-Policy: no-referrer; the response has %q, want only the handler's", v)
	}
}
