// Uses errgroup.Group (with no errors) and a helper named worker.
package fetch

import "golang.org/x/sync/errgroup"

// FetchAll calls fetch once for every URL, all at the same time, and returns
// the results in the order of urls. It returns when every call has finished.
func FetchAll(urls []string, fetch func(url string) string) []string {
	results := make([]string, len(urls))
	var g errgroup.Group
	for i := range urls {
		g.Go(worker(urls[i], &results[i], fetch))
	}
	_ = g.Wait()
	return results
}

func worker(url string, slot *string, fetch func(string) string) func() error {
	return func() error {
		*slot = fetch(url)
		return nil
	}
}
