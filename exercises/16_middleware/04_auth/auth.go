// RequireToken lets a request through only with "Authorization: Bearer
// TOKEN" for one of the accounts; the scheme's case does not matter
// ("bearer" is fine). Compare tokens with crypto/subtle, in constant time,
// and never accept an empty token. Otherwise answer 401 Unauthorized with
// the header "WWW-Authenticate: Bearer", and do not call next. Put the
// account's name in the context, where UserFrom finds it.
package auth

import (
	"context"
	"net/http"
)

// Account is a client of the API and its secret token.
type Account struct {
	Name  string
	Token string
}

// RequireToken returns next, reachable only with a valid bearer token.
func RequireToken(accounts []Account, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// TODO
		next.ServeHTTP(w, r)
	})
}

// UserFrom returns the name of the authenticated account, if any.
func UserFrom(ctx context.Context) (string, bool) {
	// TODO
	return "", false
}
