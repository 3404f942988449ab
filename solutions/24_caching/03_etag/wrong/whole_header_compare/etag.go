// Wrong: compares the whole If-None-Match header with the tag, so a list of
// tags or "*" never matches.
package etag

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"time"
)

// Serve writes body, of type contentType, as the response to r.
func Serve(w http.ResponseWriter, r *http.Request, contentType string, body []byte, maxAge time.Duration) {
	sum := sha256.Sum256(body)
	tag := `"` + hex.EncodeToString(sum[:16]) + `"`

	h := w.Header()
	h.Set("ETag", tag)
	h.Set("Cache-Control", fmt.Sprintf("public, max-age=%d", int(maxAge.Seconds())))
	if inm := r.Header.Get("If-None-Match"); inm == tag || inm == "W/"+tag {
		w.WriteHeader(http.StatusNotModified) // and no body
		return
	}
	h.Set("Content-Type", contentType)
	w.Write(body)
}
