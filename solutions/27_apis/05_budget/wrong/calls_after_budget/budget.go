// Wrong: starts the next step even when no time is left, handing it a
// context that has already ended.
package budget

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"
)

// A Step is one call to a downstream service. It returns its result, or an
// error; when ctx ends it gives up and returns an error wrapping ctx.Err().
type Step func(ctx context.Context) (string, error)

// Handler answers a request by running steps one after another, all within
// one time budget:
//
//   - every step gets a context whose deadline is budget after the request
//     arrived (or the request's own deadline, if its context ends sooner):
//     the same deadline for all, so each step has only what is left;
//   - when no time is left, the next step is not started at all;
//   - when the time runs out (a step's error wraps
//     context.DeadlineExceeded, or no time is left for the next step) the
//     answer is 504 Gateway Timeout; any other error of a step is 502 Bad
//     Gateway, and the steps after it are not run;
//   - when every step succeeds the answer is 200, with each step's result
//     followed by a newline.
func Handler(budget time.Duration, steps ...Step) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// One deadline for the whole request: each step gets what is left.
		ctx, cancel := context.WithTimeout(r.Context(), budget)
		defer cancel()
		var results []string
		for _, step := range steps {
			res, err := step(ctx)
			if err != nil {
				fail(w, err)
				return
			}
			results = append(results, res)
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte(strings.Join(results, "\n") + "\n"))
	})
}

// fail answers 504 when the time ran out, 502 for any other failure.
func fail(w http.ResponseWriter, err error) {
	if errors.Is(err, context.DeadlineExceeded) {
		http.Error(w, "gateway timeout", http.StatusGatewayTimeout)
		return
	}
	http.Error(w, "bad gateway", http.StatusBadGateway)
}
