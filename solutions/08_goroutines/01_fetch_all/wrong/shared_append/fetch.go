// Wrong: appends to one shared slice (under a lock, so without a race), so the
// results come out in the order the fetches finish, not the order of urls.
package fetch

import "sync"

// FetchAll calls fetch once for every URL, all at the same time, and returns
// the results in the order of urls. It returns when every call has finished.
func FetchAll(urls []string, fetch func(url string) string) []string {
	var (
		mu      sync.Mutex
		wg      sync.WaitGroup
		results []string
	)
	for _, url := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body := fetch(url)
			mu.Lock()
			results = append(results, body)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return results
}
