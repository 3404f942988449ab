// Wrong: sleeps "long enough" instead of waiting for the goroutines. Nothing
// orders the goroutines' writes before the caller's reads: a data race, and
// too slow or too early depending on how long the fetches take.
package fetch

import "time"

// FetchAll calls fetch once for every URL, all at the same time, and returns
// the results in the order of urls. It returns when every call has finished.
func FetchAll(urls []string, fetch func(url string) string) []string {
	results := make([]string, len(urls))
	for i, url := range urls {
		go func() {
			results[i] = fetch(url)
		}()
	}
	time.Sleep(time.Second)
	return results
}
