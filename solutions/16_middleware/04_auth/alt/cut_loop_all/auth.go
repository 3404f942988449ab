// Alt: compares the token with every account without stopping at a match, and keys the context with an unexported int type.
// RequireToken lets a request through only with "Authorization: Bearer
// TOKEN" for one of the accounts; the scheme's case does not matter
// ("bearer" is fine). Compare tokens with crypto/subtle, in constant time,
// and never accept an empty token. Otherwise answer 401 Unauthorized with
// the header "WWW-Authenticate: Bearer", and do not call next. Put the
// account's name in the context, where UserFrom finds it.
package auth

import (
	"context"
	"crypto/subtle"
	"net/http"
	"strings"
)

// Account is a client of the API and its secret token.
type Account struct {
	Name  string
	Token string
}

type ctxKey int

const userKey ctxKey = 0

// RequireToken returns next, reachable only with a valid bearer token.
func RequireToken(accounts []Account, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
		user := ""
		if ok && strings.EqualFold(scheme, "Bearer") && token != "" {
			for _, a := range accounts {
				match := subtle.ConstantTimeCompare([]byte(token), []byte(a.Token))
				if match == 1 && a.Token != "" && user == "" {
					user = a.Name
				}
			}
		}
		if user == "" {
			w.Header().Set("WWW-Authenticate", "Bearer")
			http.Error(w, http.StatusText(http.StatusUnauthorized), http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey, user)))
	})
}

// UserFrom returns the name of the authenticated account, if any.
func UserFrom(ctx context.Context) (string, bool) {
	name, ok := ctx.Value(userKey).(string)
	return name, ok
}
