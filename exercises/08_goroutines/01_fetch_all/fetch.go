// Exercise: fetch every URL at the same time.
// FetchAll calls fetch for one URL after another. Start one goroutine per URL
// with the go statement, let each write its own slot of results, and wait for
// all of them with a sync.WaitGroup (Add, Done, Wait) before returning.
package fetch

// FetchAll calls fetch once for every URL, all at the same time, and returns
// the results in the order of urls. It returns when every call has finished.
func FetchAll(urls []string, fetch func(url string) string) []string {
	results := make([]string, len(urls))
	// TODO: run each call in its own goroutine and wait for all of them.
	for i, url := range urls {
		results[i] = fetch(url)
	}
	return results
}
