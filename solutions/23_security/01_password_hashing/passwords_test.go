package passwords

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

func testHash(t *testing.T, password string) string {
	t.Helper()
	h, err := Hash(password)
	if err != nil {
		t.Fatalf("Hash(%q) returned error %v, want a hash", password, err)
	}
	return h
}

func TestRightPasswordVerifies(t *testing.T) {
	for _, p := range []string{
		"correct horse battery staple",
		"hunter2",
		"pässwörd ✓ 密码",
		strings.Repeat("a", 72),
	} {
		t.Run(fmt.Sprintf("%.20q", p), func(t *testing.T) {
			h := testHash(t, p)
			ok, err := Verify(h, p)
			if !ok || err != nil {
				t.Errorf("Verify(Hash(%q), %q) = %v, %v; want true, <nil>", p, p, ok, err)
			}
		})
	}
}

func TestWrongPasswordRejected(t *testing.T) {
	h := testHash(t, "hunter2")
	for _, p := range []string{"hunter3", "Hunter2", "hunter2 ", "hunter", "", "hunter22"} {
		t.Run(fmt.Sprintf("%q", p), func(t *testing.T) {
			if ok, err := Verify(h, p); ok {
				t.Errorf("Verify(Hash(\"hunter2\"), %q) = %v, %v; want false", p, ok, err)
			}
		})
	}
}

func TestSalted(t *testing.T) {
	const p = "correct horse battery staple"
	h1, h2 := testHash(t, p), testHash(t, p)
	if h1 == h2 {
		t.Fatalf("Hash(%q) gave %q twice: without a random salt, equal passwords have equal hashes", p, h1)
	}
	for _, h := range []string{h1, h2} {
		if ok, err := Verify(h, p); !ok || err != nil {
			t.Errorf("Verify(%q, %q) = %v, %v; want true, <nil>", h, p, ok, err)
		}
		if strings.Contains(h, p) {
			t.Errorf("Hash(%q) = %q contains the password", p, h)
		}
	}
}

// testArgon2Params parses "$argon2id$v=19$m=M,t=T,p=P$SALT$KEY".
func testArgon2Params(h string) (m, t, p uint32, salt, key []byte, err error) {
	parts := strings.Split(h, "$")
	if len(parts) != 6 || parts[1] != "argon2id" || parts[2] != "v=19" {
		return 0, 0, 0, nil, nil, fmt.Errorf("not $argon2id$v=19$m=…,t=…,p=…$SALT$HASH")
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return 0, 0, 0, nil, nil, fmt.Errorf("parameters %q: %v", parts[3], err)
	}
	if salt, err = base64.RawStdEncoding.DecodeString(parts[4]); err != nil {
		return 0, 0, 0, nil, nil, fmt.Errorf("salt %q: %v", parts[4], err)
	}
	if key, err = base64.RawStdEncoding.DecodeString(parts[5]); err != nil {
		return 0, 0, 0, nil, nil, fmt.Errorf("hash %q: %v", parts[5], err)
	}
	return m, t, p, salt, key, nil
}

func TestSlowHashFunction(t *testing.T) {
	const p = "correct horse battery staple"
	h := testHash(t, p)
	switch {
	case strings.HasPrefix(h, "$2a$"), strings.HasPrefix(h, "$2b$"), strings.HasPrefix(h, "$2y$"):
		cost, err := bcrypt.Cost([]byte(h))
		if err != nil {
			t.Fatalf("Hash(%q) = %q looks like bcrypt but bcrypt.Cost says: %v", p, h, err)
		}
		if cost < bcrypt.DefaultCost {
			t.Errorf("Hash(%q) = %q: bcrypt cost %d, want at least %d: a low cost makes guessing cheap", p, h, cost, bcrypt.DefaultCost)
		}
	case strings.HasPrefix(h, "$argon2id$"):
		m, tm, _, salt, key, err := testArgon2Params(h)
		if err != nil {
			t.Fatalf("Hash(%q) = %q: %v", p, h, err)
		}
		if uint64(m)*uint64(tm) < 38912 {
			t.Errorf("Hash(%q) = %q: m=%d × t=%d = %d, want at least 38912", p, h, m, tm, uint64(m)*uint64(tm))
		}
		if len(salt) < 16 {
			t.Errorf("Hash(%q) = %q: salt of %d bytes, want at least 16", p, h, len(salt))
		}
		if len(key) < 32 {
			t.Errorf("Hash(%q) = %q: key of %d bytes, want at least 32", p, h, len(key))
		}
	default:
		t.Errorf("Hash(%q) = %q: neither a bcrypt hash ($2a$/$2b$…) nor an argon2id string ($argon2id$…); a fast hash such as SHA-256 is not a password hash", p, h)
	}
}

func TestLongPasswords(t *testing.T) {
	p1 := strings.Repeat("x", 80) + "1"
	p2 := strings.Repeat("x", 80) + "2"
	h, err := Hash(p1)
	if err != nil {
		return // refusing a password bcrypt cannot read whole is fine
	}
	if ok, _ := Verify(h, p2); ok {
		t.Errorf("Verify(Hash(p1), p2) = true for two 81-byte passwords that differ only in the last byte: only a prefix of the password was hashed")
	}
	if ok, err := Verify(h, p1); !ok || err != nil {
		t.Errorf("Verify(Hash(p), p) = %v, %v for an 81-byte password; want true, <nil>", ok, err)
	}
}

func TestMalformedHash(t *testing.T) {
	sum := sha256.Sum256([]byte("hunter2"))
	for _, h := range []string{"", "not a hash", hex.EncodeToString(sum[:])} {
		t.Run(fmt.Sprintf("%q", h), func(t *testing.T) {
			ok, err := Verify(h, "hunter2")
			if ok || err == nil {
				t.Errorf("Verify(%q, \"hunter2\") = %v, %v; want false and an error", h, ok, err)
			}
		})
	}
}
