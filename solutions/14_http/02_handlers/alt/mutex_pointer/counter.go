// Alt: a pointer receiver and a sync.Mutex; the number is copied out under the lock before writing.
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

// next returns the number of the next request.
func (c *Counter) next() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	return c.n
}

// ServeHTTP answers with the number of this request.
func (c *Counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "request %d\n", c.next())
}
