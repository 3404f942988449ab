package admin

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

func testGet(h http.Handler, path string) (int, string) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Code, rec.Body.String()
}

var testPprofPaths = []string{
	"/debug/pprof/",
	"/debug/pprof/cmdline",
	"/debug/pprof/symbol",
	"/debug/pprof/goroutine?debug=1",
	"/debug/pprof/heap?debug=1",
}

func TestPublicServesHello(t *testing.T) {
	code, body := testGet(PublicHandler(), "/hello")
	if code != http.StatusOK || strings.TrimSpace(body) != "hello" {
		t.Errorf("public GET /hello = %d %q, want 200 \"hello\"", code, body)
	}
}

func TestPublicHasNoPprof(t *testing.T) {
	h := PublicHandler()
	for _, path := range testPprofPaths {
		t.Run(path, func(t *testing.T) {
			if code, _ := testGet(h, path); code != http.StatusNotFound {
				t.Errorf("public GET %s = %d, want 404: the profiler must not be reachable from the public listener", path, code)
			}
		})
	}
}

// testGlobalPath is registered on http.DefaultServeMux, as another package
// of the program might register a page of its own.
const testGlobalPath = "/debug/registered-by-another-package"

var testRegister sync.Once

func TestHandlersAreNotTheDefaultMux(t *testing.T) {
	testRegister.Do(func() {
		http.HandleFunc(testGlobalPath, func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte("global"))
		})
	})
	for name, h := range map[string]http.Handler{"public": PublicHandler(), "admin": AdminHandler()} {
		t.Run(name, func(t *testing.T) {
			if code, _ := testGet(h, testGlobalPath); code == http.StatusOK {
				t.Errorf("%s GET %s = 200, a page another package registered on http.DefaultServeMux: the %s handler is, or falls back to, the default mux; give it a mux of its own (http.NewServeMux())", name, testGlobalPath, name)
			}
		})
	}
}

func TestAdminServesPprof(t *testing.T) {
	h := AdminHandler()
	for _, path := range testPprofPaths {
		t.Run(path, func(t *testing.T) {
			code, body := testGet(h, path)
			if code != http.StatusOK {
				t.Errorf("admin GET %s = %d, want 200", path, code)
			}
			if path == "/debug/pprof/" && !strings.Contains(body, "goroutine") {
				t.Errorf("admin GET /debug/pprof/: the body does not list the goroutine profile, want the pprof index (pprof.Index)")
			}
		})
	}
}

func TestAdminListensOnLoopback(t *testing.T) {
	l, err := ListenAdmin("0")
	if err != nil {
		t.Fatalf("ListenAdmin(\"0\") = _, %v, want a listener", err)
	}
	defer l.Close()
	addr, ok := l.Addr().(*net.TCPAddr)
	if !ok {
		t.Fatalf("ListenAdmin(\"0\") listens on %v (%T), want a TCP address", l.Addr(), l.Addr())
	}
	if !addr.IP.IsLoopback() {
		t.Errorf("ListenAdmin(\"0\") listens on %s, want 127.0.0.1: an empty or unspecified host means every interface, reachable from other machines", addr)
	}
	if addr.Port == 0 {
		t.Errorf("ListenAdmin(\"0\") listens on %s, want a free port chosen by the system", addr)
	}
}
