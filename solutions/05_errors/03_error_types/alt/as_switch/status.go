// Alternative: Unwrap on one line, and StatusOf as one tagless switch
// whose first case calls errors.As.
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

// Unwrap returns the cause.
func (e *StatusError) Unwrap() error { return e.Err }

// StatusOf returns the HTTP status to answer with when a handler got err:
//
//   - nil: 200 (http.StatusOK)
//   - a *StatusError anywhere in the chain of err (wrapped with %w, or
//     joined with errors.Join): the Code of the first one
//   - otherwise, an error that errors.Is matches with
//     context.DeadlineExceeded: 504 (http.StatusGatewayTimeout)
//   - any other error: 500 (http.StatusInternalServerError)
func StatusOf(err error) int {
	var se *StatusError
	switch {
	case err == nil:
		return http.StatusOK
	case errors.As(err, &se):
		return se.Code
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout
	default:
		return http.StatusInternalServerError
	}
}
