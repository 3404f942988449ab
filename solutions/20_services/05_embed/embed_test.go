package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// elsewhere builds the handler the way a deployed binary runs: started
// from a directory where none of the source files are.
func elsewhere(t *testing.T) http.Handler {
	t.Helper()
	t.Chdir(t.TempDir())
	h, err := NewHandler("1.4.2")
	if err != nil {
		t.Fatalf("NewHandler, in a program started from another directory (as a deployed binary is): %v; embed the files with //go:embed and read them from the embed.FS", err)
	}
	return h
}

func get(h http.Handler, path string) *httptest.ResponseRecorder {
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
	h := elsewhere(t)
	for _, tt := range []struct{ name, contentType string }{
		{"style.css", "text/css"},
		{"app.js", "text/javascript"},
	} {
		rec := get(h, "/static/"+tt.name)
		if rec.Code != http.StatusOK || rec.Body.String() != want[tt.name] {
			t.Errorf("GET /static/%s, from another directory: %d %q, want 200 and the content of static/%s", tt.name, rec.Code, firstLine(rec.Body.String()), tt.name)
			continue
		}
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, tt.contentType) {
			t.Errorf("GET /static/%s: Content-Type %q, want %s", tt.name, ct, tt.contentType)
		}
	}
}

func TestPage(t *testing.T) {
	h := elsewhere(t)
	rec := get(h, "/")
	body := rec.Body.String()
	if rec.Code != http.StatusOK || !strings.Contains(body, "<h1>Gopher Notes</h1>") || !strings.Contains(body, "version 1.4.2") {
		t.Errorf("GET /, from another directory, NewHandler(\"1.4.2\"): %d %q, want 200 and the page of templates/index.html, showing \"version 1.4.2\"", rec.Code, firstLine(body))
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("GET /: Content-Type %q, want text/html", ct)
	}
	if rec := get(h, "/nope"); rec.Code != http.StatusNotFound {
		t.Errorf("GET /nope: %d, want 404", rec.Code)
	}
}

func TestTemplatesStayPrivate(t *testing.T) {
	h := elsewhere(t)
	for _, path := range []string{"/templates/", "/templates/index.html", "/static/../templates/index.html", "/index.html"} {
		if rec := get(h, path); rec.Code == http.StatusOK && strings.Contains(rec.Body.String(), "{{.Version}}") {
			t.Errorf("GET %s serves the template's source: serve static/ only", path)
		}
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
