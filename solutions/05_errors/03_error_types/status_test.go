package apierror

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"testing"
)

var testErrNotFound = errors.New("not found")

func TestUnwrap(t *testing.T) {
	se := &StatusError{Code: 404, Err: testErrNotFound}
	if !errors.Is(se, testErrNotFound) {
		t.Errorf("errors.Is(&StatusError{Code: 404, Err: errNotFound}, errNotFound) = false, want true: give StatusError an Unwrap() error method")
	}
	wrapped := fmt.Errorf("get user 7: %w", se)
	if !errors.Is(wrapped, testErrNotFound) {
		t.Errorf("errors.Is(fmt.Errorf(\"get user 7: %%w\", statusErr), errNotFound) = false, want true")
	}

	pathErr := &fs.PathError{Op: "open", Path: "users.db", Err: fs.ErrNotExist}
	wrapped = fmt.Errorf("load: %w", &StatusError{Code: 503, Err: pathErr})
	var pe *fs.PathError
	if !errors.As(wrapped, &pe) || pe != pathErr {
		t.Errorf("errors.As does not find the *fs.PathError inside a StatusError: give StatusError an Unwrap() error method")
	}
	if !errors.Is(wrapped, fs.ErrNotExist) {
		t.Errorf("errors.Is does not find fs.ErrNotExist two levels inside a StatusError")
	}

	if errors.Is(&StatusError{Code: 500}, testErrNotFound) {
		t.Errorf("errors.Is(&StatusError{Code: 500}, errNotFound) = true, want false (its cause is nil)")
	}
}

func TestStatusOf(t *testing.T) {
	deadline := context.DeadlineExceeded
	cases := []struct {
		name string
		err  error
		want int
	}{
		{"nil", nil, 200},
		{"a *StatusError", &StatusError{Code: 404, Err: testErrNotFound}, 404},
		{"a *StatusError wrapped with %w", fmt.Errorf("get user 7: %w", &StatusError{Code: 403, Err: errors.New("forbidden")}), 403},
		{"a *StatusError wrapped twice", fmt.Errorf("handler: %w", fmt.Errorf("service: %w", &StatusError{Code: 409, Err: errors.New("conflict")})), 409},
		{"a *StatusError joined with another error", errors.Join(errors.New("audit log failed"), &StatusError{Code: 422, Err: errors.New("bad input")}), 422},
		{"the outer *StatusError of two", &StatusError{Code: 400, Err: &StatusError{Code: 404, Err: testErrNotFound}}, 400},
		{"a *StatusError whose cause is a deadline", &StatusError{Code: 503, Err: deadline}, 503},
		{"context.DeadlineExceeded", deadline, 504},
		{"context.DeadlineExceeded wrapped with %w", fmt.Errorf("query users: %w", deadline), 504},
		{"context.Canceled", context.Canceled, 500},
		{"a plain error", errors.New("boom"), 500},
		{"a plain error that mentions a status", errors.New("404 Not Found"), 500},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := StatusOf(c.err); got != c.want {
				t.Errorf("StatusOf(%s) = %d, want %d (the error: %q)", c.name, got, c.want, c.err)
			}
		})
	}
}
