package security

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strings"
)

// ANCHOR: mac
// sign appends an HMAC-SHA256 of payload, so that only a holder of key
// can make a token the server accepts.
func sign(key []byte, payload string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(payload))
	return payload + "." + base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// check returns the payload of a token signed with key.
func check(key []byte, token string) (string, bool) {
	payload, sig, ok := strings.Cut(token, ".")
	if !ok {
		return "", false
	}
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil {
		return "", false
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(payload))
	// hmac.Equal takes the same time wherever the MACs differ, and is
	// false for MACs of different lengths (an empty one included).
	return payload, hmac.Equal(got, m.Sum(nil))
}

// ANCHOR_END: mac

func Example_mac() {
	key := []byte("a long random server-side key")
	tok := sign(key, "ada")
	_, ok := check(key, tok)
	fmt.Println(ok)
	_, ok = check(key, "admin"+tok[len("ada"):]) // payload swapped
	fmt.Println(ok)
	_, ok = check([]byte("another key"), tok)
	fmt.Println(ok)
	_, ok = check(key, "admin.")
	fmt.Println(ok)
	// Output:
	// true
	// false
	// false
	// false
}
