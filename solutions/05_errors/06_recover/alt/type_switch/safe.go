// Alternative: the deferred function switches on the type of the recovered
// value, and RunAll appends instead of indexing.
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
		switch v := recover().(type) {
		case nil:
		case error:
			err = fmt.Errorf("%w: %w", ErrPanicked, v)
		default:
			err = fmt.Errorf("%w: %v", ErrPanicked, v)
		}
	}()
	return task()
}

// RunAll runs the tasks in order, each through SafeCall, and returns their
// errors: errs[i] is the error of tasks[i]. A task that panics does not
// stop the ones after it.
func RunAll(tasks []func() error) []error {
	var errs []error
	for _, task := range tasks {
		errs = append(errs, SafeCall(task))
	}
	return errs
}
