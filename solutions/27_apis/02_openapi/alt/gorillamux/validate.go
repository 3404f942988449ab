// Alternative: the gorilla/mux router of kin-openapi, errors answered as
// JSON, and every error of the request reported at once (MultiError).
package orders

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

type validator struct {
	router routers.Router
	next   http.Handler
}

// New loads the OpenAPI document spec and returns a handler that checks
// every request against it before passing it to next.
func New(spec []byte, next http.Handler) (http.Handler, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(spec)
	if err != nil {
		return nil, err
	}
	if err = doc.Validate(loader.Context); err != nil {
		return nil, err
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, err
	}
	return &validator{router: router, next: next}, nil
}

func (v *validator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	route, params, err := v.router.FindRoute(r)
	if err != nil {
		code := http.StatusNotFound
		if errors.Is(err, routers.ErrMethodNotAllowed) {
			code = http.StatusMethodNotAllowed
		}
		writeError(w, code, err)
		return
	}
	err = openapi3filter.ValidateRequest(r.Context(), &openapi3filter.RequestValidationInput{
		Request:    r,
		PathParams: params,
		Route:      route,
		Options:    &openapi3filter.Options{MultiError: true},
	})
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	v.next.ServeHTTP(w, r)
}

func writeError(w http.ResponseWriter, code int, err error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
}
