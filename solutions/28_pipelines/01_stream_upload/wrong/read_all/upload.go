// Wrong: enforces the limit but reads the whole body with io.ReadAll before
// hashing and storing it, so memory grows with the size of the upload.
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

// Handler accepts an upload of at most limit bytes.
func Handler(limit int64, store io.Writer) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				http.Error(w, "upload too large", http.StatusRequestEntityTooLarge)
				return
			}
			http.Error(w, "read failed", http.StatusInternalServerError)
			return
		}
		if _, err := store.Write(body); err != nil {
			http.Error(w, "store failed", http.StatusInternalServerError)
			return
		}
		sum := sha256.Sum256(body)
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(Result{Bytes: int64(len(body)), SHA256: hex.EncodeToString(sum[:])})
	})
}
