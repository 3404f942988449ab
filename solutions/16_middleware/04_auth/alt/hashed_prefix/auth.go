// Alt: checks the scheme by prefix (case-insensitively), and compares SHA-256 digests of the tokens in constant time in a valid helper.
// RequireToken lets a request through only with "Authorization: Bearer
// TOKEN" for one of the accounts; the scheme's case does not matter
// ("bearer" is fine). Compare tokens with crypto/subtle, in constant time,
// and never accept an empty token. Otherwise answer 401 Unauthorized with
// the header "WWW-Authenticate: Bearer", and do not call next. Put the
// account's name in the context, where UserFrom finds it.
package auth

import (
	"context"
	"crypto/sha256"
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

const prefix = "bearer "

// valid returns the name of the account whose token is token.
func valid(accounts []Account, token string) (string, bool) {
	if token == "" {
		return "", false
	}
	sum := sha256.Sum256([]byte(token))
	for _, a := range accounts {
		if a.Token == "" {
			continue
		}
		want := sha256.Sum256([]byte(a.Token))
		if subtle.ConstantTimeCompare(sum[:], want[:]) == 1 {
			return a.Name, true
		}
	}
	return "", false
}

// RequireToken returns next, reachable only with a valid bearer token.
func RequireToken(accounts []Account, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		var name string
		ok := len(h) > len(prefix) && strings.EqualFold(h[:len(prefix)], prefix)
		if ok {
			name, ok = valid(accounts, h[len(prefix):])
		}
		if !ok {
			w.Header().Set("WWW-Authenticate", "Bearer")
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		ctx := context.WithValue(r.Context(), userKey{}, name)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// UserFrom returns the name of the authenticated account, if any.
func UserFrom(ctx context.Context) (string, bool) {
	name, ok := ctx.Value(userKey{}).(string)
	return name, ok
}
