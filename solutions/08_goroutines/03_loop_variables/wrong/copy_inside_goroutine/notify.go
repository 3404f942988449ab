// Wrong: copies user inside the goroutine, which runs later: the copy is made
// from the shared loop variable after the loop has moved on.

//go:build go1.21

package notify

import "sync"

// NotifyAll calls send once for every user, each call in its own goroutine,
// and returns when all calls have finished.
func NotifyAll(users []string, send func(user string)) {
	var wg sync.WaitGroup
	for _, user := range users {
		wg.Add(1)
		go func() {
			user := user
			defer wg.Done()
			send(user)
		}()
	}
	wg.Wait()
}
