// Alternative: a hand-written read loop over a fixed 16 KiB buffer that
// counts bytes itself and stops once more than limit bytes have arrived,
// without http.MaxBytesReader.
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

// Handler accepts an upload of at most limit bytes in the request body,
// writes every byte of it to store, and answers 200 with a Result in JSON.
func Handler(limit int64, store io.Writer) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := sha256.New()
		var buf [16 << 10]byte
		var total int64
		for {
			n, err := r.Body.Read(buf[:])
			if n > 0 {
				if total+int64(n) > limit {
					http.Error(w, "too large", http.StatusRequestEntityTooLarge)
					return
				}
				total += int64(n)
				h.Write(buf[:n])
				if _, werr := store.Write(buf[:n]); werr != nil {
					http.Error(w, "store failed", http.StatusInternalServerError)
					return
				}
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				http.Error(w, "read failed", http.StatusInternalServerError)
				return
			}
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(Result{Bytes: total, SHA256: hex.EncodeToString(h.Sum(nil))})
	})
}
