// Wrong: appends to a shared slice under a mutex: no race, but the hosts come
// out in the order their checks finished, not in the order of hosts.
package health

import "sync"

// Down checks every host at the same time and returns the hosts whose check
// failed, in the order of hosts (nil or empty when every host is up).
func Down(hosts []string, check func(host string) error) []string {
	var (
		mu   sync.Mutex
		wg   sync.WaitGroup
		down []string
	)
	for _, host := range hosts {
		wg.Go(func() {
			if check(host) != nil {
				mu.Lock()
				down = append(down, host)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return down
}
