// Writes the results into a map under a mutex instead of sending them on a channel.
package health

import "sync"

// CheckAll runs check for every backend concurrently and returns each
// backend's result (nil when the backend is healthy), keyed by backend name.
// Backend names are unique.
func CheckAll(backends []string, check func(backend string) error) map[string]error {
	var (
		mu       sync.Mutex
		wg       sync.WaitGroup
		statuses = make(map[string]error, len(backends))
	)
	for _, b := range backends {
		wg.Go(func() {
			err := check(b)
			mu.Lock()
			statuses[b] = err
			mu.Unlock()
		})
	}
	wg.Wait()
	return statuses
}
