package apis

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/legacy"
)

const petsSpec = `
openapi: 3.0.3
info: {title: Pets, version: "1.0"}
paths:
  /pets:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name]
              properties:
                name: {type: string, minLength: 1}
      responses: {"201": {description: created}}
`

// ANCHOR: validate
// Validate checks every request against the OpenAPI document spec before
// next sees it.
func Validate(spec []byte, next http.Handler) (http.Handler, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(spec)
	if err != nil {
		return nil, err
	}
	if err := doc.Validate(loader.Context); err != nil {
		return nil, err // a broken document fails at startup, not per request
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		return nil, err
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		route, pathParams, err := router.FindRoute(r)
		if err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		}
		err = openapi3filter.ValidateRequest(r.Context(),
			&openapi3filter.RequestValidationInput{
				Request: r, PathParams: pathParams, Route: route,
			})
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		next.ServeHTTP(w, r) // the body was read, and put back
	}), nil
}

// ANCHOR_END: validate

func ExampleValidate() {
	h, err := Validate([]byte(petsSpec), http.HandlerFunc(
		func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(201) }))
	if err != nil {
		panic(err)
	}
	for _, body := range []string{`{"name":"Rex"}`, `{"name":""}`} {
		r := httptest.NewRequest("POST", "/pets", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		fmt.Println(rec.Code, strings.Contains(rec.Body.String(), "name"))
	}

	// Output:
	// 201 false
	// 400 true
}
