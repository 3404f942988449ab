package patterns

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
)

// ANCHOR: guide
// The source guide's worker pool, made runnable: 3 workers, 9 jobs.
func guidePool() int {
	worker := func(jobs <-chan int, results chan<- int) {
		for j := range jobs {
			results <- j * 2
		}
	}
	jobs := make(chan int, 100)
	results := make(chan int, 100)
	for range 3 {
		go worker(jobs, results)
	}
	for j := 1; j <= 9; j++ {
		jobs <- j
	}
	close(jobs)
	sum := 0
	for range 9 {
		sum += <-results
	}
	return sum
}

// ANCHOR_END: guide

func Example_guidePool() {
	fmt.Println(guidePool())
	// Output: 90
}

// ANCHOR: pool
// CheckAll runs check on every URL with at most workers checks at once, and
// returns the error of each URL at its index (nil when it passed).
func CheckAll(
	ctx context.Context,
	urls []string,
	workers int,
	check func(context.Context, string) error,
) []error {
	errs := make([]error, len(urls)) // one slot per URL: no two workers share one
	indexes := make(chan int)        // unbuffered: a worker takes a job when it is free

	var wg sync.WaitGroup
	for range min(workers, len(urls)) {
		wg.Go(func() {
			for i := range indexes { // ends when indexes is closed
				if err := ctx.Err(); err != nil {
					errs[i] = err // cancelled: do not start new work
					continue
				}
				errs[i] = check(ctx, urls[i])
			}
		})
	}
	for i := range urls {
		indexes <- i
	}
	close(indexes) // no more jobs: the workers' loops end
	wg.Wait()      // every worker is done: errs is complete and safe to read
	return errs
}

// ANCHOR_END: pool

func ExampleCheckAll() {
	check := func(_ context.Context, url string) error {
		if strings.HasPrefix(url, "http://") {
			return errors.New("not https")
		}
		return nil
	}
	urls := []string{"https://a.example", "http://b.example", "https://c.example"}
	fmt.Println(CheckAll(context.Background(), urls, 2, check))
	// Output: [<nil> not https <nil>]
}
