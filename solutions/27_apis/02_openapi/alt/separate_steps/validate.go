// Alternative: checks the parameters and the body in separate steps with
// openapi3filter.ValidateParameter and ValidateRequestBody, after finding
// the route with the legacy router; any route error is a 404.
package orders

import (
	"context"
	"fmt"
	"net/http"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/legacy"
)

func New(spec []byte, next http.Handler) (http.Handler, error) {
	doc, err := openapi3.NewLoader().LoadFromData(spec)
	if err != nil {
		return nil, fmt.Errorf("loading the OpenAPI document: %w", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("invalid OpenAPI document: %w", err)
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		return nil, err
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		route, pathParams, err := router.FindRoute(r)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		in := &openapi3filter.RequestValidationInput{Request: r, PathParams: pathParams, Route: route}
		op := route.Operation
		for _, ref := range append(route.PathItem.Parameters, op.Parameters...) {
			if err := openapi3filter.ValidateParameter(r.Context(), in, ref.Value); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
		}
		if op.RequestBody != nil {
			err := openapi3filter.ValidateRequestBody(r.Context(), in, op.RequestBody.Value)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
		}
		next.ServeHTTP(w, r)
	}), nil
}
