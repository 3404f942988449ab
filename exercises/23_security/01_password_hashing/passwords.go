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
	"crypto/sha256"
	"encoding/hex"
)

// Hash returns an encoded, salted hash of password, safe to store.
func Hash(password string) (string, error) {
	// TODO: this is fast and unsalted: replace it.
	sum := sha256.Sum256([]byte(password))
	return hex.EncodeToString(sum[:]), nil
}

// Verify reports whether password is the one hash was made from.
func Verify(hash, password string) (bool, error) {
	h, err := Hash(password)
	return h == hash, err
}
