// Uses wg.Go instead of Add/Done by hand.
package fetch

import "sync"

// FetchAll calls fetch once for every URL, all at the same time, and returns
// the results in the order of urls. It returns when every call has finished.
func FetchAll(urls []string, fetch func(url string) string) []string {
	results := make([]string, len(urls))
	var wg sync.WaitGroup
	for i, url := range urls {
		wg.Go(func() {
			results[i] = fetch(url)
		})
	}
	wg.Wait()
	return results
}
