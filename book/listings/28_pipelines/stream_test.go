package pipelines

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
)

// ANCHOR: stream
// checksum answers with the SHA-256 of a body of at most limit bytes,
// reading it in 32 KiB pieces: memory does not grow with the body.
func checksum(limit int64) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body := http.MaxBytesReader(w, r.Body, limit)
		h := sha256.New()
		n, err := io.Copy(h, body) // io.MultiWriter(h, file) to store it too
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			http.Error(w, "too large", http.StatusRequestEntityTooLarge)
			return
		case err != nil:
			http.Error(w, "read failed", http.StatusBadRequest)
			return
		}
		fmt.Fprintf(w, "%d bytes, sha256 %x\n", n, h.Sum(nil))
	}
}

// ANCHOR_END: stream

func Example_checksum() {
	for _, body := range []string{"hello", "this body is too long"} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", "/", strings.NewReader(body))
		checksum(10).ServeHTTP(rec, req)
		first, _, _ := strings.Cut(strings.TrimSpace(rec.Body.String()), ",")
		fmt.Println(rec.Code, first)
	}
	// Output:
	// 200 5 bytes
	// 413 too large
}
