// Wrong: starts the goroutines but returns at once, without waiting for them:
// the results are still empty and the goroutines outlive the call.
package fetch

// FetchAll calls fetch once for every URL, all at the same time, and returns
// the results in the order of urls. It returns when every call has finished.
func FetchAll(urls []string, fetch func(url string) string) []string {
	results := make([]string, len(urls))
	for i, url := range urls {
		go func() {
			results[i] = fetch(url)
		}()
	}
	return results
}
