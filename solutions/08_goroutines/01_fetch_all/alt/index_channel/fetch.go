// Collects (index, result) pairs from a buffered channel instead of a WaitGroup.
package fetch

type result struct {
	i    int
	body string
}

// FetchAll calls fetch once for every URL, all at the same time, and returns
// the results in the order of urls. It returns when every call has finished.
func FetchAll(urls []string, fetch func(url string) string) []string {
	ch := make(chan result, len(urls))
	for i, url := range urls {
		go func() {
			ch <- result{i, fetch(url)}
		}()
	}
	results := make([]string, len(urls))
	for range urls {
		r := <-ch
		results[r.i] = r.body
	}
	return results
}
