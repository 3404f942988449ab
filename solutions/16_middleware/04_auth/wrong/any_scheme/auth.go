// Wrong: checks the token but not the scheme, so "Basic TOKEN" is let through.
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

type userKey struct{}

// RequireToken returns next, reachable only with a valid bearer token.
func RequireToken(accounts []Account, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := authenticate(accounts, r.Header.Get("Authorization"))
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		ctx := context.WithValue(r.Context(), userKey{}, name)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// authenticate finds the account whose token the Authorization header
// carries.
func authenticate(accounts []Account, header string) (string, bool) {
	scheme, token, found := strings.Cut(header, " ")
	if !found || scheme == "" || token == "" {
		return "", false
	}
	// ConstantTimeCompare takes as long for "almost right" as for "all
	// wrong", so response times do not reveal how much of a guess matched.
	// Every account is compared, for the same reason.
	name, matched := "", false
	for _, a := range accounts {
		if a.Token != "" && subtle.ConstantTimeCompare([]byte(token), []byte(a.Token)) == 1 {
			name, matched = a.Name, true
		}
	}
	return name, matched
}

// UserFrom returns the name of the authenticated account, if any.
func UserFrom(ctx context.Context) (string, bool) {
	name, ok := ctx.Value(userKey{}).(string)
	return name, ok
}
