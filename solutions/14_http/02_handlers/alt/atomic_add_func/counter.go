// Alt: a plain int64 field changed with the function atomic.AddInt64 instead of an atomic type.
package counter

import (
	"net/http"
	"strconv"
	"sync/atomic"
)

// Counter numbers the requests it serves.
type Counter struct {
	n int64
}

// ServeHTTP answers with the number of this request.
func (c *Counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := atomic.AddInt64(&c.n, 1)
	w.Write([]byte("request " + strconv.FormatInt(n, 10) + "\n"))
}
