// Wrong: limits the body with io.LimitReader(limit) and calls it too large
// when exactly limit bytes arrived, so an upload of exactly the limit is
// refused (and one byte over is not detected as such by the reader).
package upload

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
)

// Result is the JSON answer to a successful upload.
type Result struct {
	Bytes  int64  `json:"bytes"`  // bytes received
	SHA256 string `json:"sha256"` // their SHA-256, lowercase hex
}

// Handler accepts an upload of at most limit bytes.
func Handler(limit int64, store io.Writer) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := sha256.New()
		n, err := io.Copy(io.MultiWriter(h, store), io.LimitReader(r.Body, limit))
		if err != nil {
			http.Error(w, "upload failed", http.StatusInternalServerError)
			return
		}
		if n >= limit {
			http.Error(w, "upload too large", http.StatusRequestEntityTooLarge)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(Result{Bytes: n, SHA256: hex.EncodeToString(h.Sum(nil))})
	})
}
