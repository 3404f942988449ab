// Exercise: capture the loop variable the way Go before 1.22 needed.
// The go:build line below gives this file the loop rules of Go 1.21: the loop
// has ONE variable user, shared by all iterations and goroutines. Keep that
// line. Fix the closure: pass user to it as an argument (or copy it first).

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
			defer wg.Done()
			send(user) // BUG (before Go 1.22): reads the shared loop variable
		}()
	}
	wg.Wait()
}
