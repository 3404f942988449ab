// Wrong: starts wg.Go itself with a go statement, so the counting happens in a
// new goroutine again, maybe after wg.Wait has already returned.
package health

import "sync"

// Down checks every host at the same time and returns the hosts whose check
// failed, in the order of hosts (nil or empty when every host is up).
func Down(hosts []string, check func(host string) error) []string {
	errs := make([]error, len(hosts))
	var wg sync.WaitGroup
	for i, host := range hosts {
		go wg.Go(func() {
			errs[i] = check(host)
		})
	}
	wg.Wait()
	var down []string
	for i, err := range errs {
		if err != nil {
			down = append(down, hosts[i])
		}
	}
	return down
}
