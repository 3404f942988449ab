// Exercise: let the client keep what it already has.
//
// Serve writes body as the response to a GET, in a way HTTP caches
// (browsers, CDNs, proxies) can reuse:
//
//   - ETag: a strong entity tag computed from the content, a quoted string
//     such as "3f2a9c" (a hash of body, in hex, is a good choice): the same
//     body always gets the same tag, a different body a different tag.
//   - Cache-Control: public, max-age=N, where N is maxAge in whole seconds.
//   - If the request has an If-None-Match header naming the current tag, the
//     client's copy is still good: answer 304 Not Modified, with the ETag and
//     Cache-Control headers but NO body. If-None-Match may hold a list
//     ("a", "b"), "*" (matches any tag), or weak tags (W/"a"): compare them
//     the weak way, which ignores the W/ prefix on either side.
//   - Otherwise answer 200 with Content-Type: contentType and the body.
//
// As written, Serve always sends the whole body and no validators. You are
// done when `backendlings run etag` passes.
package etag

import (
	"net/http"
	"time"
)

// Serve writes body, of type contentType, as the response to r.
func Serve(w http.ResponseWriter, r *http.Request, contentType string, body []byte, maxAge time.Duration) {
	w.Header().Set("Content-Type", contentType)
	w.Write(body)
}
