// Exercise: fix a WaitGroup bug with wg.Go.
// Down calls wg.Add inside the goroutine, too late: wg.Wait can run before any
// goroutine has counted itself and return at once. Rewrite the loop with
// wg.Go (Go 1.25), which counts the goroutine, starts it and marks it done.
package health

import "sync"

// Down checks every host at the same time and returns the hosts whose check
// failed, in the order of hosts (nil or empty when every host is up).
func Down(hosts []string, check func(host string) error) []string {
	errs := make([]error, len(hosts))
	var wg sync.WaitGroup
	for i, host := range hosts {
		wg.Go(func() {
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
