// Wrong: gives the answers channel room for one answer only, so with three replicas a losing goroutine blocks on its send for ever.
// Both functions below leak goroutines: a goroutine blocked on a channel
// that nobody will ever use again stays in memory for the life of the
// process. Find the leaks and fix them with the context (and, in First, a
// channel its goroutines can always send on).
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
			// A bare receive would wait forever if nobody sends or
			// closes events: wait for ctx as well.
			select {
			case e, ok := <-events:
				if !ok {
					return
				}
				handle(e)
			case <-ctx.Done():
				return
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
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // the losers stop working as soon as we have an answer

	// Room for every answer: a goroutine whose answer nobody reads puts it
	// in the buffer and exits, instead of blocking on the send forever.
	answers := make(chan string, 1)
	for _, r := range replicas {
		go func() {
			answers <- r(ctx, query)
		}()
	}
	select {
	case a := <-answers:
		return a, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
