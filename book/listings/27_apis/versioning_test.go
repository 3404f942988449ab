package apis

import (
	"fmt"
	"net/http"
	"net/http/httptest"
)

// ANCHOR: versions
// Versions routes GET /v1/..., GET /v2/... and GET /users/{id}, where the
// API-Version header chooses. No header means an old client: version 1.
func Versions(v1, v2 http.HandlerFunc) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/users/{id}", v1)
	mux.HandleFunc("GET /v2/users/{id}", v2)
	mux.HandleFunc("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		switch r.Header.Get("API-Version") {
		case "", "1":
			v1(w, r)
		case "2":
			v2(w, r)
		default:
			http.Error(w, "unsupported API-Version", http.StatusBadRequest)
		}
	})
	return mux
}

// ANCHOR_END: versions

func ExampleVersions() {
	v1 := func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"name":"Ada Lovelace"}`)
	}
	v2 := func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"given_name":"Ada"}`)
	}
	h := Versions(v1, v2)
	for _, v := range []string{"", "2", "3"} {
		r := httptest.NewRequest("GET", "/users/7", nil)
		if v != "" {
			r.Header.Set("API-Version", v)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		fmt.Printf("%q: %d %s\n", v, rec.Code, rec.Body.String())
	}

	// Output:
	// "": 200 {"name":"Ada Lovelace"}
	// "2": 200 {"given_name":"Ada"}
	// "3": 400 unsupported API-Version
}
