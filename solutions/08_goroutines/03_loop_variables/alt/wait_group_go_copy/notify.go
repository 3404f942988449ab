// Ranges over indexes and hands wg.Go a worker built from users[i].

//go:build go1.21

package notify

import "sync"

// NotifyAll calls send once for every user, each call in its own goroutine,
// and returns when all calls have finished.
func NotifyAll(users []string, send func(user string)) {
	var wg sync.WaitGroup
	for i := range users {
		wg.Go(worker(users[i], send))
	}
	wg.Wait()
}

func worker(user string, send func(string)) func() {
	return func() { send(user) }
}
