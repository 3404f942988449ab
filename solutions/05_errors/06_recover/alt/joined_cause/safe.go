// Alternative: the panic value is turned into an error by a helper, and
// errors.Join puts ErrPanicked and that error together.
package worker

import (
	"errors"
	"fmt"
)

// ErrPanicked is wrapped by the error SafeCall returns for a task that
// panicked.
var ErrPanicked = errors.New("task panicked")

// SafeCall runs task and returns its error. If task panics, SafeCall
// recovers and returns an error that:
//
//   - wraps ErrPanicked, so errors.Is(err, ErrPanicked) is true;
//   - has the panic value in its message, as fmt.Sprint prints it: a task
//     that calls panic("boom") gives a message containing "boom";
//   - when the panic value is itself an error, wraps that error too, so
//     errors.Is and errors.As reach it.
//
// A task that does not panic gets its error back unchanged, and nil stays
// nil.
func SafeCall(task func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.Join(ErrPanicked, check(r))
		}
	}()
	err = task()
	return err
}

// check returns the panic value as an error: itself when it is one.
func check(r any) error {
	if e, ok := r.(error); ok {
		return e
	}
	return errors.New(fmt.Sprint(r))
}

// RunAll runs the tasks in order, each through SafeCall, and returns their
// errors: errs[i] is the error of tasks[i]. A task that panics does not
// stop the ones after it.
func RunAll(tasks []func() error) []error {
	errs := make([]error, len(tasks))
	for i := range tasks {
		errs[i] = SafeCall(tasks[i])
	}
	return errs
}
