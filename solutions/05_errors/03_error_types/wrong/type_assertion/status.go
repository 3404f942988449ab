// Wrong: StatusOf uses a type assertion, which sees only err itself and
// misses a wrapped *StatusError.
// Exercise: custom error types with errors.Is and errors.As.
//
// StatusError carries the HTTP status a handler should answer with. Give it
// an Unwrap method so that errors.Is and errors.As see its cause, and make
// StatusOf find a *StatusError anywhere in a chain of wrapped errors.
package apierror

import (
	"context"
	"errors"
	"fmt"
	"net/http"
)

// StatusError is an error that carries an HTTP status code and its cause.
type StatusError struct {
	Code int   // an HTTP status code, such as http.StatusNotFound (404)
	Err  error // the cause
}

// Error returns the status and the cause: "404 Not Found: user 7: not found".
func (e *StatusError) Error() string {
	return fmt.Sprintf("%d %s: %v", e.Code, http.StatusText(e.Code), e.Err)
}

// Unwrap returns the cause, so that errors.Is and errors.As look inside.
func (e *StatusError) Unwrap() error {
	return e.Err
}

// StatusOf returns the HTTP status to answer with when a handler got err:
//
//   - nil: 200 (http.StatusOK)
//   - a *StatusError anywhere in the chain of err (wrapped with %w, or
//     joined with errors.Join): the Code of the first one
//   - otherwise, an error that errors.Is matches with
//     context.DeadlineExceeded: 504 (http.StatusGatewayTimeout)
//   - any other error: 500 (http.StatusInternalServerError)
func StatusOf(err error) int {
	if err == nil {
		return http.StatusOK
	}
	if se, ok := err.(*StatusError); ok {
		return se.Code
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return http.StatusGatewayTimeout
	}
	return http.StatusInternalServerError
}
