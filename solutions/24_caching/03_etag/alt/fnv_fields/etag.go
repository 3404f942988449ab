// Alternative: an FNV-1a 64-bit hash for the tag, and the If-None-Match list
// split with strings.FieldsFunc, the W/ prefix dropped on both sides.
package etag

import (
	"hash/fnv"
	"net/http"
	"strconv"
	"strings"
	"time"
)

func weak(tag string) string { return strings.TrimPrefix(tag, "W/") }

// Serve writes body, of type contentType, as the response to r.
func Serve(w http.ResponseWriter, r *http.Request, contentType string, body []byte, maxAge time.Duration) {
	h := fnv.New64a()
	h.Write(body)
	etag := strconv.Quote(strconv.FormatUint(h.Sum64(), 16))

	w.Header().Set("Cache-Control", "max-age="+strconv.Itoa(int(maxAge/time.Second))+", public")
	w.Header().Set("ETag", etag)

	tags := strings.FieldsFunc(r.Header.Get("If-None-Match"), func(c rune) bool {
		return c == ',' || c == ' ' || c == '\t'
	})
	for _, t := range tags {
		if t == "*" || weak(t) == weak(etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}
