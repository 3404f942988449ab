// Wrong: starts the checks with wg.Go but never calls wg.Wait, so Down reads
// errs while the goroutines still write it, and returns before they finish.
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
	var down []string
	for i, err := range errs {
		if err != nil {
			down = append(down, hosts[i])
		}
	}
	return down
}
