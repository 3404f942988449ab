// Wrong: the pointer receiver shares the count, but concurrent requests
// increment it without synchronisation; the race detector must catch it.
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
func (c *Counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.n++
	fmt.Fprintf(w, "request %d\n", c.n)
}
