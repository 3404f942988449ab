// Wrong: takes the address of the loop variable, but under Go 1.21 rules there
// is only one variable, so every goroutine gets the same pointer and reads
// whatever user the loop has reached: a data race, and users are skipped.

//go:build go1.21

package notify

import "sync"

// NotifyAll calls send once for every user, each call in its own goroutine,
// and returns when all calls have finished.
func NotifyAll(users []string, send func(user string)) {
	var wg sync.WaitGroup
	for _, user := range users {
		p := &user
		wg.Add(1)
		go func() {
			defer wg.Done()
			send(*p)
		}()
	}
	wg.Wait()
}
