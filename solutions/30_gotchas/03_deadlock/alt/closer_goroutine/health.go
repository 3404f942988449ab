// Keeps the unbuffered channel and closes it from a goroutine that waits, while CheckAll receives.
package health

import "sync"

// CheckAll runs check for every backend concurrently and returns each
// backend's result (nil when the backend is healthy), keyed by backend name.
// Backend names are unique.
func CheckAll(backends []string, check func(backend string) error) map[string]error {
	type result struct {
		backend string
		err     error
	}
	results := make(chan result)
	var wg sync.WaitGroup
	for _, b := range backends {
		wg.Go(func() {
			results <- result{backend: b, err: check(b)}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	statuses := make(map[string]error, len(backends))
	for r := range results {
		statuses[r.backend] = r.err
	}
	return statuses
}
