package caching

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
)

// ANCHOR: etag
// serveDoc answers with validators: the client sends the tag back in
// If-None-Match, and gets a 304 with no body while the content is the same.
func serveDoc(w http.ResponseWriter, r *http.Request, body []byte) {
	sum := sha256.Sum256(body)
	tag := `"` + hex.EncodeToString(sum[:16]) + `"` // from the content
	w.Header().Set("ETag", tag)
	w.Header().Set("Cache-Control", "public, max-age=60")
	for c := range strings.SplitSeq(r.Header.Get("If-None-Match"), ",") {
		c = strings.TrimSpace(c)
		if c == "*" || strings.TrimPrefix(c, "W/") == tag { // weak comparison
			w.WriteHeader(http.StatusNotModified) // and no body
			return
		}
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write(body)
}

// ANCHOR_END: etag

func Example_etag() {
	get := func(ifNoneMatch string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("GET", "/doc", nil)
		if ifNoneMatch != "" {
			r.Header.Set("If-None-Match", ifNoneMatch)
		}
		w := httptest.NewRecorder()
		serveDoc(w, r, []byte("hello"))
		return w
	}
	first := get("")
	tag := first.Header().Get("ETag")
	fmt.Println(first.Code, first.Body.Len())
	again := get(tag)
	fmt.Println(again.Code, again.Body.Len())
	fmt.Println(get("W/" + tag).Code)
	fmt.Println(get(`"something-else"`).Code)
	// Output:
	// 200 5
	// 304 0
	// 304
	// 200
}
