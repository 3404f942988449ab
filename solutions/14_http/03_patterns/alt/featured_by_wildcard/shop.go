// Alt: one wildcard pattern serves both /products/{id} and /products/featured, dispatching on the id, and the root is registered as "GET /{$}" with mux.Handle.
// The handlers of a small shop are written; NewMux registers them in the
// old, pre-Go 1.22 style: "/" catches every path, no method is checked, and
// r.PathValue finds no wildcard. Rewrite the patterns with a method and
// wildcards so that each handler gets exactly the requests in its comment;
// the ServeMux then answers 404 and 405 by itself.
package shop

import (
	"fmt"
	"net/http"
	"slices"
)

// NewMux returns the shop's router.
func NewMux() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", http.HandlerFunc(home))
	mux.HandleFunc("GET /products", listProducts)
	mux.HandleFunc("GET /products/{id}", func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("id") == "featured" {
			featured(w, r)
			return
		}
		showProduct(w, r)
	})
	mux.HandleFunc("GET /static/{path...}", static)
	return mux
}

var products = map[string]string{
	"1": "espresso cup",
	"2": "coffee mug",
	"3": "teapot",
}

// home answers GET of the root path "/" only: "/anything-else" is 404.
func home(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, "welcome to the shop")
}

// listProducts answers GET /products.
func listProducts(w http.ResponseWriter, r *http.Request) {
	ids := make([]string, 0, len(products))
	for id := range products {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		fmt.Fprintf(w, "%s: %s\n", id, products[id])
	}
}

// showProduct answers GET /products/{id}, where id is one path segment.
func showProduct(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	name, ok := products[id]
	if !ok {
		http.NotFound(w, r)
		return
	}
	fmt.Fprintf(w, "%s: %s\n", id, name)
}

// featured answers GET /products/featured (a fixed path beside the
// wildcard one: the more specific pattern wins).
func featured(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "featured: %s\n", products["3"])
}

// static answers GET /static/{path...}: path is the rest of the URL, which
// may contain slashes ("css/site.css").
func static(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "static file %q\n", r.PathValue("path"))
}
