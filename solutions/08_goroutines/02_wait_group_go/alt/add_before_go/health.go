// Keeps the go statement but moves wg.Add(len(hosts)) before the loop.
package health

import "sync"

// Down checks every host at the same time and returns the hosts whose check
// failed, in the order of hosts (nil or empty when every host is up).
func Down(hosts []string, check func(host string) error) []string {
	errs := make([]error, len(hosts))
	var wg sync.WaitGroup
	wg.Add(len(hosts))
	for i, host := range hosts {
		go func() {
			defer wg.Done()
			errs[i] = check(host)
		}()
	}
	wg.Wait()
	down := []string{}
	for i, err := range errs {
		if err != nil {
			down = append(down, hosts[i])
		}
	}
	return down
}
