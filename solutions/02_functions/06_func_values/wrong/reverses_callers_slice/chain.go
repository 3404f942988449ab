// Wrong: reverses ms in place; ms is the caller's own slice when Chain is
// called as Chain(h, list...), so the caller's list comes back reordered.
package chain

import (
	"slices"
	"strings"
)

// Handler answers a request. Here requests and responses are strings.
type Handler func(req string) string

// Middleware wraps a Handler with extra behaviour and returns the result.
type Middleware func(next Handler) Handler

// Chain wraps h in the middlewares ms. ms[0] is the outermost: a request
// goes through ms[0], then ms[1], and so on, then h; the response comes
// back through them in reverse. So Chain(h, a, b) behaves like a(b(h)).
// Nil middlewares are skipped; Chain(h) behaves like h.
func Chain(h Handler, ms ...Middleware) Handler {
	slices.Reverse(ms)
	for _, m := range ms {
		if m != nil {
			h = m(h)
		}
	}
	return h
}

// TrimSpace is an example Middleware: it trims the request before passing
// it on to next.
func TrimSpace(next Handler) Handler {
	return func(req string) string {
		return next(strings.TrimSpace(req))
	}
}
