// Wrong: sends ETag and Cache-Control but never looks at If-None-Match, so
// clients download the whole body every time.
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
	h.Set("Content-Type", contentType)
	w.Write(body)
}
