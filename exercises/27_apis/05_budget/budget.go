// A request to this service costs three calls to others, one after
// another. The client will not wait forever, so the whole request has a
// time budget: the calls share it. Giving each call a fresh timeout of its
// own makes the request take up to three times the budget; giving none
// makes it wait as long as the slowest service likes. As written, Handler
// has no budget at all. Make every step run under one deadline, budget
// after the request arrived, as the comment on Handler says. The hidden
// tests run in fake time (testing/synctest); you are done when they pass.
package budget

import (
	"context"
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
		// TODO: a budget shared by the steps.
		var results []string
		for _, step := range steps {
			res, err := step(r.Context())
			if err != nil {
				http.Error(w, "bad gateway", http.StatusBadGateway)
				return
			}
			results = append(results, res)
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte(strings.Join(results, "\n") + "\n"))
	})
}
