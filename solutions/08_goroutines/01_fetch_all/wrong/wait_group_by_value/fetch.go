// Wrong: passes the WaitGroup to a helper by value, so Done counts down a copy
// and the caller's wg.Wait never returns.
package fetch

import "sync"

// FetchAll calls fetch once for every URL, all at the same time, and returns
// the results in the order of urls. It returns when every call has finished.
func FetchAll(urls []string, fetch func(url string) string) []string {
	results := make([]string, len(urls))
	var wg sync.WaitGroup
	for i, url := range urls {
		wg.Add(1)
		go worker(wg, &results[i], url, fetch)
	}
	wg.Wait()
	return results
}

func worker(wg sync.WaitGroup, slot *string, url string, fetch func(string) string) {
	defer wg.Done()
	*slot = fetch(url)
}
