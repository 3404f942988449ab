// Alternative: context.WithTimeoutCause marks the budget's end with an error
// of its own, and context.Cause tells "out of time" from other failures.
package budget

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"time"
)

type Step func(ctx context.Context) (string, error)

var errOutOfTime = errors.New("request budget used up")

func Handler(budget time.Duration, steps ...Step) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeoutCause(r.Context(), budget, errOutOfTime)
		defer cancel()
		var buf bytes.Buffer
		for i := 0; i < len(steps); i++ {
			if ctx.Err() == nil {
				res, err := steps[i](ctx)
				if err == nil {
					buf.WriteString(res + "\n")
					continue
				}
				if ctx.Err() == nil && !errors.Is(err, context.DeadlineExceeded) {
					http.Error(w, err.Error(), http.StatusBadGateway)
					return
				}
			}
			cause := context.Cause(ctx)
			if errors.Is(cause, errOutOfTime) || errors.Is(cause, context.DeadlineExceeded) {
				http.Error(w, "out of time", http.StatusGatewayTimeout)
			} else {
				http.Error(w, "request cancelled", http.StatusGatewayTimeout)
			}
			return
		}
		w.Write(buf.Bytes())
	})
}
