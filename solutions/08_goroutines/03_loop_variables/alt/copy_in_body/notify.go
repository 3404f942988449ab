// Copies the loop variable with user := user instead of passing an argument.

//go:build go1.21

package notify

import "sync"

// NotifyAll calls send once for every user, each call in its own goroutine,
// and returns when all calls have finished.
func NotifyAll(users []string, send func(user string)) {
	var wg sync.WaitGroup
	for _, user := range users {
		user := user
		wg.Add(1)
		go func() {
			defer wg.Done()
			send(user)
		}()
	}
	wg.Wait()
}
