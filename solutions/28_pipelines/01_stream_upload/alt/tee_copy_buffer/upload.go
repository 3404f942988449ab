// Alternative: io.TeeReader feeds the hash while io.CopyBuffer, with a
// buffer of its own, writes to store; the limit error is found with
// errors.As on the *http.MaxBytesError.
package upload

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

// Result is the JSON answer to a successful upload.
type Result struct {
	Bytes  int64  `json:"bytes"`  // bytes received
	SHA256 string `json:"sha256"` // their SHA-256, lowercase hex
}

// Handler accepts an upload of at most limit bytes in the request body,
// writes every byte of it to store, and answers 200 with a Result in JSON.
func Handler(limit int64, store io.Writer) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		digest := sha256.New()
		src := io.TeeReader(http.MaxBytesReader(w, r.Body, limit), digest)
		buf := make([]byte, 64<<10)
		n, err := io.CopyBuffer(store, src, buf)
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &mbe):
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			return
		case err != nil:
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		out, _ := json.Marshal(Result{Bytes: n, SHA256: hex.EncodeToString(digest.Sum(nil))})
		w.Header().Set("Content-Type", "application/json")
		w.Write(out)
	})
}
