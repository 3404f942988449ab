// Wrong: calls wg.Wait inside the loop, so each fetch finishes before the next
// one starts: correct results, but no concurrency at all.
package fetch

import "sync"

// FetchAll calls fetch once for every URL, all at the same time, and returns
// the results in the order of urls. It returns when every call has finished.
func FetchAll(urls []string, fetch func(url string) string) []string {
	results := make([]string, len(urls))
	var wg sync.WaitGroup
	for i, url := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = fetch(url)
		}()
		wg.Wait()
	}
	return results
}
