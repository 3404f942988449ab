// Wrong: passes user as an argument but the body still reads the shared loop
// variable user instead of the parameter u.

//go:build go1.21

package notify

import "sync"

// NotifyAll calls send once for every user, each call in its own goroutine,
// and returns when all calls have finished.
func NotifyAll(users []string, send func(user string)) {
	var wg sync.WaitGroup
	for _, user := range users {
		wg.Add(1)
		go func(u string) {
			defer wg.Done()
			_ = u
			send(user)
		}(user)
	}
	wg.Wait()
}
