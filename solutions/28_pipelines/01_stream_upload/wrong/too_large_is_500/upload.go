// Wrong: wraps the body in http.MaxBytesReader but treats every copy error
// alike, answering 500 instead of 413 when the body is over the limit.
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
		n, err := io.Copy(io.MultiWriter(h, store), http.MaxBytesReader(w, r.Body, limit))
		if err != nil {
			http.Error(w, "upload failed", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(Result{Bytes: n, SHA256: hex.EncodeToString(h.Sum(nil))})
	})
}
