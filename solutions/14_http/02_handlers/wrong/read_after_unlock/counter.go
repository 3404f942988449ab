// Wrong: the increment is locked, but the count is read again after Unlock,
// when another request may already have incremented it: two requests can
// get the same number (and the read races with the next increment).
package counter

import (
	"fmt"
	"net/http"
	"sync"
)

// Counter numbers the requests it serves.
type Counter struct {
	mu sync.Mutex
	n  int
}

// ServeHTTP answers with the number of this request.
func (c *Counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	fmt.Fprintf(w, "request %d\n", c.n)
}
