// Alternative: the header must be byte for byte the one Sign writes, and the
// parts are split with strings.Cut; claims decode into a struct.
// Sign and Verify make and check session tokens that the server gives a
// client and gets back on every request. A token is
//
//	B64(header) + "." + B64(claims) + "." + B64(HMAC-SHA256(key, B64(header) + "." + B64(claims)))
//
// where B64 is base64.RawURLEncoding, the header is the JSON
// {"alg":"HS256","typ":"JWT"} and the claims are the JSON
// {"sub":SUBJECT,"exp":EXPIRY}, EXPIRY in Unix seconds. Sign is written.
//
// Verify returns the subject of a valid token. It refuses, with an error
// that errors.Is matches to ErrInvalid, any token that is not three parts
// of that shape, whose signature is not the HMAC-SHA256 of its first two
// parts with key, whose header's "alg" is anything but "HS256" (a token
// that says "none", or "HS512", is refused even when its signature is
// right for what it says), or whose claims lack a non-empty "sub" or a
// numeric "exp". A token that is valid but whose expiry is not after
// time.Now() gives ErrExpired.
//
// Compare MACs in constant time with hmac.Equal (or
// subtle.ConstantTimeCompare), never with ==, != or bytes.Equal: a test
// reads this package's source to check it. The hidden tests pass when
// Verify refuses every forged or expired token.
package tokens

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"time"
)

var (
	ErrInvalid = errors.New("tokens: invalid token")
	ErrExpired = errors.New("tokens: token expired")
)

var (
	enc       = base64.RawURLEncoding
	fixedHead = enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
)

type payload struct {
	Sub string `json:"sub"`
	Exp int64  `json:"exp"`
}

func sum(key []byte, s string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(s))
	return m.Sum(nil)
}

// Sign returns a token for subject that expires ttl from now.
func Sign(key []byte, subject string, ttl time.Duration) (string, error) {
	c, err := json.Marshal(payload{Sub: subject, Exp: time.Now().Add(ttl).Unix()})
	if err != nil {
		return "", err
	}
	body := fixedHead + "." + enc.EncodeToString(c)
	return body + "." + enc.EncodeToString(sum(key, body)), nil
}

// Verify returns the subject of token if key signed it and it has not
// expired.
func Verify(key []byte, token string) (string, error) {
	head, rest, ok1 := strings.Cut(token, ".")
	claims, sig, ok2 := strings.Cut(rest, ".")
	if !ok1 || !ok2 || strings.Contains(sig, ".") || head != fixedHead {
		return "", ErrInvalid
	}
	got, err := enc.DecodeString(sig)
	if err != nil || !hmac.Equal(got, sum(key, head+"."+claims)) {
		return "", ErrInvalid
	}
	raw, err := enc.DecodeString(claims)
	if err != nil {
		return "", ErrInvalid
	}
	p := payload{Exp: -1}
	if err := json.Unmarshal(raw, &p); err != nil || p.Sub == "" || p.Exp == -1 {
		return "", ErrInvalid
	}
	if !time.Now().Before(time.Unix(p.Exp, 0)) {
		return "", ErrExpired
	}
	return p.Sub, nil
}
