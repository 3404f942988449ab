// A Counter is an http.Handler that numbers the requests it serves: the
// first gets "request 1\n", the second "request 2\n", and so on. The server
// calls ServeHTTP from many goroutines at once, and as written every request
// gets "request 1". Fix Counter so that each request gets its own number,
// with no two alike, even under concurrent requests. The zero Counter must
// be ready to use.
package counter

import (
	"fmt"
	"net/http"
)

// Counter numbers the requests it serves.
type Counter struct {
	n int
}

// ServeHTTP answers with the number of this request.
func (c Counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.n++
	fmt.Fprintf(w, "request %d\n", c.n)
}
