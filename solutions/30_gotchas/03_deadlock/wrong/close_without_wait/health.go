// Wrong: closes the channel from a goroutine that does not wait for the senders.
// Exercise: channel deadlocks.
// CheckAll hangs forever as soon as there is a backend to check. Find the
// send that can never complete and fix CheckAll so that it returns every
// result, with the checks still running concurrently.
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
	// A send on an unbuffered channel waits for a receiver. The receiving
	// loop below only starts once the senders are done, so close the
	// channel from a goroutine of its own and receive at once.
	results := make(chan result)
	var wg sync.WaitGroup
	for _, b := range backends {
		wg.Go(func() {
			results <- result{backend: b, err: check(b)}
		})
	}
	go func() {
		close(results)
	}()

	statuses := make(map[string]error, len(backends))
	for r := range results {
		statuses[r.backend] = r.err
	}
	return statuses
}
