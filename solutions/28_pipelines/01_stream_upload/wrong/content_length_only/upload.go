// Wrong: streams the body but enforces the limit only by checking the
// Content-Length header, which a chunked upload does not send (it is -1).
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
		if r.ContentLength > limit {
			http.Error(w, "upload too large", http.StatusRequestEntityTooLarge)
			return
		}
		h := sha256.New()
		n, err := io.Copy(io.MultiWriter(h, store), r.Body)
		if err != nil {
			http.Error(w, "upload failed", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(Result{Bytes: n, SHA256: hex.EncodeToString(h.Sum(nil))})
	})
}
