// Wrong: locks a sync.Mutex declared inside ServeHTTP, a new one on every call, which excludes nobody.
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
	"sync"
)

// Counter numbers the requests it serves. Its zero value is ready to use;
// it must not be copied after first use.
type Counter struct {
	n int
}

// ServeHTTP answers with the number of this request. The pointer receiver
// makes every call share one count; the atomic Add makes the increment and
// the read one indivisible step, so concurrent requests never share a number.
func (c *Counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var mu sync.Mutex
	mu.Lock()
	c.n++
	n := c.n
	mu.Unlock()
	fmt.Fprintf(w, "request %d\n", n)
}
