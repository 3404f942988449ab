// Alt: First keeps an unbuffered channel; each replica's goroutine sends with a select on the cancelled context, so it can always give up.
package leaks

import "context"

// Listen starts a goroutine that calls handle for each event received on
// events, in order. The goroutine stops when events is closed or when ctx
// ends, whichever comes first; the returned channel is closed once it has
// stopped.
func Listen(ctx context.Context, events <-chan string, handle func(string)) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-ctx.Done():
				return
			case e, ok := <-events:
				if !ok {
					return
				}
				handle(e)
			}
		}
	}()
	return done
}

// Replica answers a query; it stops early, returning "", when ctx ends.
type Replica func(ctx context.Context, query string) string

// First asks every replica at once and returns the first answer. The
// context of the other calls is cancelled when First returns, and every
// goroutine First started can finish, even though nobody reads its answer.
// If ctx ends before any answer, First returns "" and ctx.Err().
func First(ctx context.Context, query string, replicas ...Replica) (string, error) {
	ask, cancel := context.WithCancel(ctx)
	defer cancel()

	answers := make(chan string)
	for _, r := range replicas {
		go func() {
			a := r(ask, query)
			select {
			case answers <- a:
			case <-ask.Done():
			}
		}()
	}
	select {
	case a := <-answers:
		return a, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
