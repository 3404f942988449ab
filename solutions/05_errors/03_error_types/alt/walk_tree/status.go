// Alternative: walks the error tree by hand (both Unwrap() error and
// Unwrap() []error, depth first) instead of calling errors.As.
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

// Unwrap returns the cause, for errors.Is and errors.As.
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
	if se := find(err); se != nil {
		return se.Code
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return http.StatusGatewayTimeout
	}
	return http.StatusInternalServerError
}

// find returns the first *StatusError in the tree of err, or nil.
func find(err error) *StatusError {
	if err == nil {
		return nil
	}
	if se, ok := err.(*StatusError); ok {
		return se
	}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		return find(u.Unwrap())
	case interface{ Unwrap() []error }:
		for _, inner := range u.Unwrap() {
			if se := find(inner); se != nil {
				return se
			}
		}
	}
	return nil
}
