// Wrong: calls wg.Add(1) inside the goroutine, so wg.Wait can run before any
// goroutine has counted itself and return at once with empty results.
package fetch

import "sync"

// FetchAll calls fetch once for every URL, all at the same time, and returns
// the results in the order of urls. It returns when every call has finished.
func FetchAll(urls []string, fetch func(url string) string) []string {
	results := make([]string, len(urls))
	var wg sync.WaitGroup
	for i, url := range urls {
		go func() {
			wg.Add(1)
			defer wg.Done()
			results[i] = fetch(url)
		}()
	}
	wg.Wait()
	return results
}
