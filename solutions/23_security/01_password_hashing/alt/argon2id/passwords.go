// Alternative: argon2id with its parameters in the encoded string, compared
// in constant time.
// Hash and Verify store and check user passwords. A fast hash such as
// SHA-256 is the wrong tool: the same password always gives the same
// hash, and an attacker with the leaked table tries billions of guesses a
// second. Use a password hashing function from golang.org/x/crypto, which
// is salted (two hashes of one password differ) and deliberately slow:
//
//   - bcrypt (golang.org/x/crypto/bcrypt) with a cost of at least
//     bcrypt.DefaultCost (10); bcrypt reads at most 72 bytes, so refuse a
//     longer password with an error (or hash it whole some other way),
//     never cut it; or
//   - argon2id (golang.org/x/crypto/argon2), stored in the usual encoded
//     form "$argon2id$v=19$m=MEMORY,t=TIME,p=THREADS$SALT$HASH" (salt and
//     hash in unpadded standard base64), with a random salt of at least
//     16 bytes, a key of at least 32 bytes and MEMORY (KiB) × TIME of at
//     least 38912 (for example m=65536,t=1 or m=19456,t=2).
//
// Verify returns true for the right password, false for any other, and
// false with an error when the stored hash is not one Hash could make.
// The hidden tests pass when both functions do this.
package passwords

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

const (
	memory  = 64 * 1024 // KiB
	time    = 1
	threads = 2
	keyLen  = 32
)

var errFormat = errors.New("passwords: not an argon2id hash")

// Hash returns an encoded, salted hash of password, safe to store.
func Hash(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, time, memory, threads, keyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, memory, time, threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify reports whether password is the one hash was made from.
func Verify(hash, password string) (bool, error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" || parts[2] != "v=19" {
		return false, errFormat
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false, errFormat
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[4])
	if err != nil {
		return false, errFormat
	}
	want, err := base64.RawStdEncoding.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false, errFormat
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}
