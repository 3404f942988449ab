// Wrong: every goroutine appends to the same slice without a lock: a data
// race (appends get lost, or the slice is corrupted) that -race reports.
package health

import "sync"

// Down checks every host at the same time and returns the hosts whose check
// failed, in the order of hosts (nil or empty when every host is up).
func Down(hosts []string, check func(host string) error) []string {
	var down []string
	var wg sync.WaitGroup
	for _, host := range hosts {
		wg.Go(func() {
			if check(host) != nil {
				down = append(down, host)
			}
		})
	}
	wg.Wait()
	return down
}
