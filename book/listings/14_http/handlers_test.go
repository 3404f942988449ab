package httpserver

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
)

// ANCHOR: greeter
// Greeter is a handler with configuration: any type with a ServeHTTP
// method is an http.Handler.
type Greeter struct {
	Greeting string
}

func (g *Greeter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "%s, visitor!\n", g.Greeting)
}

// ANCHOR_END: greeter

// ANCHOR: handlerfunc
// uptime returns a handler function that closes over its dependency.
func uptime(started string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "up since %s\n", started)
	}
}

func ExampleGreeter() {
	mux := http.NewServeMux()
	// A value with a ServeHTTP method, and a function adapted by HandlerFunc.
	mux.Handle("GET /hello", &Greeter{Greeting: "Bonjour"})
	mux.Handle("GET /uptime", uptime("09:00"))

	for _, path := range []string{"/hello", "/uptime"} {
		rec := httptest.NewRecorder() // a ResponseWriter that records
		mux.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		fmt.Print(rec.Body.String())
	}
	// Output:
	// Bonjour, visitor!
	// up since 09:00
}

// ANCHOR_END: handlerfunc

// ANCHOR: patterns
func ExampleServeMux_patterns() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "the front page")
	})
	mux.HandleFunc("GET /books/{isbn}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "book %s", r.PathValue("isbn"))
	})
	mux.HandleFunc("POST /books", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "added a book")
	})
	mux.HandleFunc("GET /books/new", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "the form for a new book") // more specific than {isbn}: wins
	})
	mux.HandleFunc("GET /docs/{file...}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "doc %s", r.PathValue("file"))
	})

	for _, req := range []string{
		"GET /", "GET /about", "GET /books/978-0134190440", "GET /books/new",
		"POST /books", "DELETE /books/978-0134190440", "GET /docs/guide/intro.md",
	} {
		method, path, _ := strings.Cut(req, " ")
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
		body := strings.TrimSpace(rec.Body.String())
		if allow := rec.Header().Get("Allow"); allow != "" {
			body += " (Allow: " + allow + ")"
		}
		fmt.Printf("%-30s %d %s\n", req, rec.Code, body)
	}
	// Output:
	// GET /                          200 the front page
	// GET /about                     404 404 page not found
	// GET /books/978-0134190440      200 book 978-0134190440
	// GET /books/new                 200 the form for a new book
	// POST /books                    200 added a book
	// DELETE /books/978-0134190440   405 Method Not Allowed (Allow: GET, HEAD)
	// GET /docs/guide/intro.md       200 doc guide/intro.md
}

// ANCHOR_END: patterns

// ANCHOR: order
func Example_responseOrder() {
	right := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "/orders/42") // 1. headers
		w.WriteHeader(http.StatusCreated)        // 2. status (sends 1 and 2)
		fmt.Fprintln(w, "created order 42")      // 3. body
	}
	wrong := func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "created order 42")      // sends 200 and the headers now
		w.WriteHeader(http.StatusCreated)        // too late: ignored, and logged
		w.Header().Set("Location", "/orders/42") // too late: never sent
	}
	for _, h := range []http.HandlerFunc{right, wrong} {
		rec := httptest.NewRecorder()
		h(rec, httptest.NewRequest("POST", "/orders", nil))
		resp := rec.Result() // what the client receives
		fmt.Printf("%d Location=%q\n", resp.StatusCode, resp.Header.Get("Location"))
	}
	// Output:
	// 201 Location="/orders/42"
	// 200 Location=""
}

// ANCHOR_END: order

// ANCHOR: query
// pageSize reads ?size=, with a default and a range.
func pageSize(r *http.Request) (int, error) {
	s := r.URL.Query().Get("size") // "" when missing
	if s == "" {
		return 20, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 100 {
		return 0, fmt.Errorf("size must be a whole number from 1 to 100, not %q", s)
	}
	return n, nil
}

func Example_query() {
	targets := []string{"/list", "/list?size=5", "/list?size=500", "/list?size=five"}
	for _, target := range targets {
		r := httptest.NewRequest("GET", target, nil)
		n, err := pageSize(r)
		fmt.Println(target, n, err)
	}
	r := httptest.NewRequest("GET", "/search?q=caf%C3%A9+au+lait&tag=a&tag=b", nil)
	r.Header.Set("accept-language", "fr") // header names are case-insensitive
	q := r.URL.Query()
	fmt.Printf("%q %q %q\n", q.Get("q"), q["tag"], r.Header.Get("Accept-Language"))
	// Output:
	// /list 20 <nil>
	// /list?size=5 5 <nil>
	// /list?size=500 0 size must be a whole number from 1 to 100, not "500"
	// /list?size=five 0 size must be a whole number from 1 to 100, not "five"
	// "café au lait" ["a" "b"] "fr"
}

// ANCHOR_END: query
