package tokens

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"hash"
	"strconv"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

var testKey = []byte("0123456789abcdef0123456789abcdef")

const testHeader = `{"alg":"HS256","typ":"JWT"}`

// testMake builds a token from raw JSON parts, signed with key and h over
// the first two parts.
func testMake(key []byte, h func() hash.Hash, header, claims string) string {
	b := base64.RawURLEncoding
	signed := b.EncodeToString([]byte(header)) + "." + b.EncodeToString([]byte(claims))
	m := hmac.New(h, key)
	m.Write([]byte(signed))
	return signed + "." + b.EncodeToString(m.Sum(nil))
}

func testClaims(sub string, exp time.Time) string {
	b, _ := json.Marshal(map[string]any{"sub": sub, "exp": exp.Unix()})
	return string(b)
}

func TestRoundTrip(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		for _, sub := range []string{"ada", "grace@example.com", "用户"} {
			tok, err := Sign(testKey, sub, time.Hour)
			if err != nil {
				t.Fatalf("Sign(key, %q, 1h) returned error %v", sub, err)
			}
			got, err := Verify(testKey, tok)
			if got != sub || err != nil {
				t.Errorf("Verify(key, Sign(key, %q, 1h)) = %q, %v; want %q, <nil>", sub, got, err, sub)
			}
		}
	})
}

func TestAcceptsTokensOfTheFormat(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		tok := testMake(testKey, sha256.New, testHeader, testClaims("ada", time.Now().Add(time.Minute)))
		got, err := Verify(testKey, tok)
		if got != "ada" || err != nil {
			t.Errorf("Verify(key, %q) = %q, %v; want \"ada\", <nil> (a token made as the text describes, valid for a minute)", tok, got, err)
		}
	})
}

func TestExpiry(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		tok, err := Sign(testKey, "ada", time.Hour)
		if err != nil {
			t.Fatalf("Sign(key, \"ada\", 1h) returned error %v", err)
		}
		time.Sleep(time.Hour - time.Second)
		if got, err := Verify(testKey, tok); got != "ada" || err != nil {
			t.Errorf("a token signed for 1h, 59m59s later: Verify = %q, %v; want \"ada\", <nil>", got, err)
		}
		time.Sleep(2 * time.Second)
		if got, err := Verify(testKey, tok); got != "" || !errors.Is(err, ErrExpired) {
			t.Errorf("a token signed for 1h, 1h0m1s later: Verify = %q, %v; want \"\", ErrExpired", got, err)
		}
		old := testMake(testKey, sha256.New, testHeader, testClaims("ada", time.Now().Add(-24*time.Hour)))
		if got, err := Verify(testKey, old); got != "" || !errors.Is(err, ErrExpired) {
			t.Errorf("a correctly signed token that expired a day ago: Verify = %q, %v; want \"\", ErrExpired", got, err)
		}
	})
}

func TestForgeriesRefused(t *testing.T) {
	b := base64.RawURLEncoding
	later := time.Now().Add(time.Hour)
	valid := testMake(testKey, sha256.New, testHeader, testClaims("ada", later))
	parts := strings.Split(valid, ".")
	admin := b.EncodeToString([]byte(testClaims("admin", later)))
	noneHeader := b.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`))
	sig, _ := b.DecodeString(parts[2])
	tests := []struct{ name, token string }{
		{"signed with another key", testMake([]byte("another key, not the server's one"), sha256.New, testHeader, testClaims("ada", later))},
		{"claims changed after signing (sub ada → admin)", parts[0] + "." + admin + "." + parts[2]},
		{"header changed after signing", b.EncodeToString([]byte(`{"alg":"HS256","typ":"XYZ"}`)) + "." + parts[1] + "." + parts[2]},
		{"alg none and an empty signature", noneHeader + "." + admin + "."},
		{"alg none, signed with the key", testMake(testKey, sha256.New, `{"alg":"none","typ":"JWT"}`, testClaims("admin", later))},
		{"alg HS512, signed with HMAC-SHA512 and the key", testMake(testKey, sha512.New, `{"alg":"HS512","typ":"JWT"}`, testClaims("admin", later))},
		{"no alg, signed with the key", testMake(testKey, sha256.New, `{"typ":"JWT"}`, testClaims("admin", later))},
		{"an empty signature", parts[0] + "." + parts[1] + "."},
		{"the first 16 bytes of the signature", parts[0] + "." + parts[1] + "." + b.EncodeToString(sig[:16])},
		{"the first byte of the signature", parts[0] + "." + parts[1] + "." + b.EncodeToString(sig[:1])},
		{"two parts", parts[0] + "." + parts[1]},
		{"four parts", valid + "." + parts[2]},
		{"the empty string", ""},
		{"claims without exp, signed with the key", testMake(testKey, sha256.New, testHeader, `{"sub":"admin"}`)},
		{"claims without sub, signed with the key", testMake(testKey, sha256.New, testHeader, testClaims("", later))},
		{"claims that are not JSON, signed with the key", testMake(testKey, sha256.New, testHeader, `admin`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Verify(testKey, tt.token)
			if got != "" || !errors.Is(err, ErrInvalid) {
				t.Errorf("Verify(key, %q) = %q, %v; want \"\" and an error matching ErrInvalid", tt.token, got, err)
			}
		})
	}
}

// testSources are the package's Go files as this test was compiled with
// them.
//
//go:embed *.go
var testSources embed.FS

func TestMACComparedInConstantTime(t *testing.T) {
	entries, err := testSources.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var constantTime, bytesEqual []string
	fset := token.NewFileSet()
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		src, err := testSources.ReadFile(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, e.Name(), src, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("parsing %s: %v", e.Name(), err)
		}
		imports := map[string]string{} // local name → import path
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			name := path[strings.LastIndex(path, "/")+1:]
			if imp.Name != nil {
				name = imp.Name.Name
			}
			imports[name] = path
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			x, ok := sel.X.(*ast.Ident)
			if !ok {
				return true
			}
			where := fset.Position(call.Pos()).String()
			switch imports[x.Name] + "." + sel.Sel.Name {
			case "crypto/hmac.Equal", "crypto/subtle.ConstantTimeCompare":
				constantTime = append(constantTime, where)
			case "bytes.Equal", "bytes.Compare":
				bytesEqual = append(bytesEqual, where)
			}
			return true
		})
	}
	if len(bytesEqual) > 0 {
		t.Errorf("bytes.Equal or bytes.Compare called at %s: they return as soon as a byte differs, so the time they take tells an attacker how much of a forged MAC is right; compare MACs with hmac.Equal", strings.Join(bytesEqual, ", "))
	}
	if len(constantTime) == 0 {
		t.Errorf("no call of hmac.Equal (or subtle.ConstantTimeCompare) in the package: a MAC compared with == or bytes.Equal can be found byte by byte from the time each comparison takes")
	}
}
