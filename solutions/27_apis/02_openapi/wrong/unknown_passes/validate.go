// Wrong: a request the document does not describe is passed on unchecked
// instead of answered with 404.
package orders

import (
	"context"
	"errors"
	"net/http"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// New loads the OpenAPI document spec and returns a handler that checks
// every request against it before passing it to next:
//
//   - a request for a path the document does not have gets 404 Not Found
//     (a path it has, with a method it does not, may get 405 instead);
//   - a request whose parameters, query or body break the document gets
//     400 Bad Request, with the validator's error message in the body,
//     which names what is wrong, and never reaches next;
//   - a valid request reaches next, its body still there to be read.
//
// New returns an error when spec does not load or is not a valid OpenAPI
// document.
func New(spec []byte, next http.Handler) (http.Handler, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(spec)
	if err != nil {
		return nil, err
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, err
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		return nil, err
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		route, pathParams, err := router.FindRoute(r)
		switch {
		case errors.Is(err, routers.ErrMethodNotAllowed):
			http.Error(w, err.Error(), http.StatusMethodNotAllowed)
			return
		case err != nil:
			next.ServeHTTP(w, r)
			return
		}
		input := &openapi3filter.RequestValidationInput{
			Request:    r,
			PathParams: pathParams,
			Route:      route,
		}
		if err := openapi3filter.ValidateRequest(r.Context(), input); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		next.ServeHTTP(w, r)
	}), nil
}
