// Alternative: computes the deadline itself (the earlier of now+budget and
// the request's deadline) and checks time.Until before each step, giving
// each step a context with that same deadline.
package budget

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

type Step func(ctx context.Context) (string, error)

func Handler(budget time.Duration, steps ...Step) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		deadline := time.Now().Add(budget)
		if d, ok := r.Context().Deadline(); ok && d.Before(deadline) {
			deadline = d
		}
		out := ""
		for _, step := range steps {
			if time.Until(deadline) <= 0 {
				w.WriteHeader(http.StatusGatewayTimeout)
				return
			}
			ctx, cancel := context.WithDeadline(r.Context(), deadline)
			res, err := step(ctx)
			cancel()
			if errors.Is(err, context.DeadlineExceeded) {
				w.WriteHeader(http.StatusGatewayTimeout)
				return
			}
			if err != nil {
				w.WriteHeader(http.StatusBadGateway)
				return
			}
			out += fmt.Sprintln(res)
		}
		fmt.Fprint(w, out)
	})
}
