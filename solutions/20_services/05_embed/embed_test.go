package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// testElsewhere builds the handler the way a deployed binary runs: started
// from a directory where none of the source files are.
func testElsewhere(t *testing.T) http.Handler {
	t.Helper()
	t.Chdir(t.TempDir())
	h, err := NewHandler("1.4.2")
	if err != nil {
		t.Fatalf("NewHandler, in a program started from another directory (as a deployed binary is): %v; embed the files with //go:embed and read them from the embed.FS", err)
	}
	return h
}

func testGet(h http.Handler, path string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	return rec
}

func TestStaticFiles(t *testing.T) {
	want := map[string]string{}
	for _, name := range []string{"style.css", "app.js"} {
		b, err := os.ReadFile("static/" + name)
		if err != nil {
			t.Fatalf("static/%s is missing from the exercise: restore it", name)
		}
		want[name] = string(b)
	}
	h := testElsewhere(t)
	for _, tt := range []struct{ name, contentType string }{
		{"style.css", "text/css"},
		{"app.js", "text/javascript"},
	} {
		rec := testGet(h, "/static/"+tt.name)
		if rec.Code != http.StatusOK || rec.Body.String() != want[tt.name] {
			t.Errorf("GET /static/%s, from another directory: %d %q, want 200 and the content of static/%s", tt.name, rec.Code, testFirstLine(rec.Body.String()), tt.name)
			continue
		}
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, tt.contentType) {
			t.Errorf("GET /static/%s: Content-Type %q, want %s", tt.name, ct, tt.contentType)
		}
	}
}

func TestPage(t *testing.T) {
	h := testElsewhere(t)
	rec := testGet(h, "/")
	body := rec.Body.String()
	if rec.Code != http.StatusOK || !strings.Contains(body, "<h1>Gopher Notes</h1>") || !strings.Contains(body, "version 1.4.2") {
		t.Errorf("GET /, from another directory, NewHandler(\"1.4.2\"): %d %q, want 200 and the page of templates/index.html, showing \"version 1.4.2\"", rec.Code, testFirstLine(body))
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("GET /: Content-Type %q, want text/html", ct)
	}
	if rec := testGet(h, "/nope"); rec.Code != http.StatusNotFound {
		t.Errorf("GET /nope: %d, want 404", rec.Code)
	}
}

func TestTemplatesStayPrivate(t *testing.T) {
	h := testElsewhere(t)
	for _, path := range []string{"/templates/", "/templates/index.html", "/static/../templates/index.html", "/index.html"} {
		if rec := testGet(h, path); rec.Code == http.StatusOK && strings.Contains(rec.Body.String(), "{{.Version}}") {
			t.Errorf("GET %s serves the template's source: serve static/ only", path)
		}
	}
}

func testFirstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
