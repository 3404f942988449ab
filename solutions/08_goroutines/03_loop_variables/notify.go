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
		// The argument is evaluated now, in this iteration, so each goroutine
		// gets its own copy of the current user.
		go func(u string) {
			defer wg.Done()
			send(u)
		}(user)
	}
	wg.Wait()
}
