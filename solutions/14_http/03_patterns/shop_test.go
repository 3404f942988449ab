package shop

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestRoutes(t *testing.T) {
	mux := NewMux()
	tests := []struct {
		name     string
		method   string
		path     string
		status   int
		contains string // part of the body, for 200 answers
	}{
		{"the home page", "GET", "/", 200, "welcome"},
		{"an unknown page is 404, not the home page", "GET", "/about", 404, ""},
		{"an unknown nested page is 404", "GET", "/no/such/page", 404, ""},
		{"the product list", "GET", "/products", 200, "2: coffee mug"},
		{"one product by its id", "GET", "/products/2", 200, "2: coffee mug"},
		{"another product", "GET", "/products/1", 200, "1: espresso cup"},
		{"an unknown product id is 404", "GET", "/products/99", 404, ""},
		{"a path below a product is 404", "GET", "/products/2/reviews", 404, ""},
		{"two segments after /products is 404", "GET", "/products/1/2", 404, ""},
		{"a product path with a trailing slash is 404", "GET", "/products/2/", 404, ""},
		{"the fixed path wins over the wildcard", "GET", "/products/featured", 200, "featured: teapot"},
		{"a static file one level down", "GET", "/static/logo.png", 200, `static file "logo.png"`},
		{"a static file in a subdirectory", "GET", "/static/css/site.css", 200, `static file "css/site.css"`},
		{"HEAD is answered by a GET pattern", "HEAD", "/products/2", 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
			if rec.Code != tt.status {
				t.Fatalf("%s %s: status %d, want %d (body %q)", tt.method, tt.path, rec.Code, tt.status, rec.Body.String())
			}
			if tt.contains != "" && !strings.Contains(rec.Body.String(), tt.contains) {
				t.Errorf("%s %s: body %q, want it to contain %q", tt.method, tt.path, rec.Body.String(), tt.contains)
			}
		})
	}
}

func TestWrongMethods(t *testing.T) {
	mux := NewMux()
	tests := []struct {
		method, path string
	}{
		{"POST", "/products"},
		{"DELETE", "/products/2"},
		{"PUT", "/products/featured"},
		{"POST", "/static/css/site.css"},
		{"POST", "/"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
			if rec.Code != http.StatusMethodNotAllowed {
				if rec.Code == http.StatusOK {
					t.Fatalf("%s %s: status 200, want 405 Method Not Allowed: the handler answered another method than GET (a pattern with a method, such as \"GET /products\", makes the ServeMux refuse the others)", tt.method, tt.path)
				}
				t.Fatalf("%s %s: status %d, want 405 Method Not Allowed", tt.method, tt.path, rec.Code)
			}
			if allow := rec.Header().Get("Allow"); !strings.Contains(allow, "GET") {
				t.Errorf("%s %s: Allow header %q, want it to list GET", tt.method, tt.path, allow)
			}
		})
	}
}

// TestUnknownPaths sends other methods to paths that no handler's comment
// covers: the answer is 404 whatever the method, not 405.
func TestUnknownPaths(t *testing.T) {
	mux := NewMux()
	tests := []struct {
		method, path string
	}{
		{"POST", "/about"},
		{"DELETE", "/no/such/page"},
		{"DELETE", "/products/2/reviews"},
		{"PUT", "/products/1/2"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
			if rec.Code != http.StatusNotFound {
				t.Errorf("%s %s: status %d (Allow header %q), want 404: no handler answers this path, with any method", tt.method, tt.path, rec.Code, rec.Header().Get("Allow"))
			}
		})
	}
}
