package upload

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"
)

// testPatternReader yields n bytes of a repeating testPattern without allocating.
type testPatternReader struct {
	n   int64
	pos int
}

var testPattern = []byte("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!?")

func (p *testPatternReader) Read(b []byte) (int, error) {
	if p.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(b)) > p.n {
		b = b[:p.n]
	}
	k := 0
	for k < len(b) {
		c := copy(b[k:], testPattern[p.pos:])
		k += c
		p.pos = (p.pos + c) % len(testPattern)
	}
	p.n -= int64(k)
	return k, nil
}

// testOnlyReader hides any WriterTo method, as a network body would.
type testOnlyReader struct{ io.Reader }

// testHashWriter hashes what it is given, counting the bytes.
type testHashWriter struct {
	h hash.Hash
	n int64
}

func testNewHashWriter() *testHashWriter { return &testHashWriter{h: sha256.New()} }

func (w *testHashWriter) Write(b []byte) (int, error) {
	w.n += int64(len(b))
	return w.h.Write(b)
}

func (w *testHashWriter) sum() string { return hex.EncodeToString(w.h.Sum(nil)) }

func testPatternSum(n int64) string {
	w := testNewHashWriter()
	io.Copy(w, &testPatternReader{n: n})
	return w.sum()
}

// serve sends a POST with body (its length unknown when chunked) and
// returns the recorded response.
func testServe(h http.Handler, body io.Reader, length int64, chunked bool) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/upload", testOnlyReader{body})
	req.ContentLength = length
	if chunked {
		req.ContentLength = -1
		req.TransferEncoding = []string{"chunked"}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestSmallUploads(t *testing.T) {
	for _, c := range []struct {
		name    string
		size    int64
		chunked bool
	}{
		{"empty body", 0, false},
		{"one byte", 1, false},
		{"100 KiB", 100 << 10, false},
		{"100 KiB chunked (no Content-Length)", 100 << 10, true},
		{"exactly the limit", 1 << 20, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			store := testNewHashWriter()
			rec := testServe(Handler(1<<20, store), &testPatternReader{n: c.size}, c.size, c.chunked)
			want := Result{Bytes: c.size, SHA256: testPatternSum(c.size)}
			if rec.Code != http.StatusOK {
				t.Fatalf("upload of %d bytes (limit 1 MiB): status %d, want 200 (body %q)", c.size, rec.Code, rec.Body.String())
			}
			var got Result
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatalf("upload of %d bytes: answer %q is not a JSON Result: %v", c.size, rec.Body.String(), err)
			}
			if got != want {
				t.Errorf("upload of %d bytes: answered %+v, want %+v", c.size, got, want)
			}
			if store.n != c.size || store.sum() != want.SHA256 {
				t.Errorf("upload of %d bytes: store received %d bytes with SHA-256 %s, want %d bytes with %s", c.size, store.n, store.sum(), c.size, want.SHA256)
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	for _, c := range []struct {
		name    string
		size    int64
		chunked bool
	}{
		{"one byte over, with Content-Length", 1<<20 + 1, false},
		{"one byte over, chunked (no Content-Length)", 1<<20 + 1, true},
		{"3 MiB, chunked", 3 << 20, true},
		{"3 MiB, with Content-Length", 3 << 20, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			store := testNewHashWriter()
			rec := testServe(Handler(1<<20, store), &testPatternReader{n: c.size}, c.size, c.chunked)
			if rec.Code != http.StatusRequestEntityTooLarge {
				t.Errorf("upload of %d bytes (%s) with limit 1 MiB: status %d, want 413", c.size, c.name, rec.Code)
			}
			if store.n > 1<<20 {
				t.Errorf("upload of %d bytes with limit 1 MiB: store received %d bytes, want at most the limit", c.size, store.n)
			}
		})
	}
}

type testFailingWriter struct{}

func (testFailingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

type testFailingReader struct{}

func (testFailingReader) Read([]byte) (int, error) { return 0, errors.New("connection reset") }

func TestFailures(t *testing.T) {
	t.Run("store fails", func(t *testing.T) {
		rec := testServe(Handler(1<<20, testFailingWriter{}), &testPatternReader{n: 1000}, 1000, false)
		if rec.Code != http.StatusInternalServerError {
			t.Errorf("store.Write fails: status %d, want 500", rec.Code)
		}
	})
	t.Run("body fails", func(t *testing.T) {
		rec := testServe(Handler(1<<20, testNewHashWriter()), testFailingReader{}, 1000, false)
		if rec.Code != http.StatusInternalServerError {
			t.Errorf("reading the body fails: status %d, want 500", rec.Code)
		}
	})
}

// TestBoundedMemory uploads 100 MiB and measures what the handler
// allocates in all.
func TestBoundedMemory(t *testing.T) {
	const size = 100 << 20
	const budget = 1 << 20
	store := testNewHashWriter()
	h := Handler(200<<20, store)
	body := bytes.NewReader(nil) // warm up once with an empty body
	testServe(h, body, 0, false)
	store = testNewHashWriter()
	h = Handler(200<<20, store)

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	rec := testServe(h, &testPatternReader{n: size}, size, true)
	runtime.ReadMemStats(&after)
	if rec.Code != http.StatusOK {
		t.Fatalf("upload of 100 MiB (limit 200 MiB): status %d, want 200", rec.Code)
	}
	if store.n != size {
		t.Errorf("upload of 100 MiB: store received %d bytes, want %d", store.n, size)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > budget {
		t.Errorf("upload of 100 MiB allocated %d KiB in all, want under %d KiB: the body must flow through in small pieces, never be held whole in memory", alloc>>10, budget>>10)
	}
}
