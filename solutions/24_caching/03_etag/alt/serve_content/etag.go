// Alternative: set ETag and Cache-Control, then let http.ServeContent handle
// If-None-Match (lists, "*", weak comparison) and the 304.
package etag

import (
	"bytes"
	"crypto/sha1"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// Serve writes body, of type contentType, as the response to r.
func Serve(w http.ResponseWriter, r *http.Request, contentType string, body []byte, maxAge time.Duration) {
	w.Header().Set("ETag", fmt.Sprintf(`"%x"`, sha1.Sum(body)))
	w.Header().Set("Cache-Control", "public, max-age="+strconv.FormatInt(int64(maxAge/time.Second), 10))
	w.Header().Set("Content-Type", contentType)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}
