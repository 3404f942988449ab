// Alt: First gives the answers a one-slot channel and every goroutine sends without blocking (select with default), so only the first answer is kept.
package leaks

import "context"

// Listen starts a goroutine that calls handle for each event received on
// events, in order. The goroutine stops when events is closed or when ctx
// ends, whichever comes first; the returned channel is closed once it has
// stopped.
func Listen(ctx context.Context, events <-chan string, handle func(string)) <-chan struct{} {
	done := make(chan struct{})
	go run(ctx, events, handle, done)
	return done
}

// run is Listen's goroutine.
func run(ctx context.Context, events <-chan string, handle func(string), done chan<- struct{}) {
	defer close(done)
	stop := ctx.Done()
	for {
		var e string
		var ok bool
		select {
		case <-stop:
			return
		case e, ok = <-events:
		}
		if !ok {
			return
		}
		handle(e)
	}
}

// Replica answers a query; it stops early, returning "", when ctx ends.
type Replica func(ctx context.Context, query string) string

// First asks every replica at once and returns the first answer. The
// context of the other calls is cancelled when First returns, and every
// goroutine First started can finish, even though nobody reads its answer.
// If ctx ends before any answer, First returns "" and ctx.Err().
func First(ctx context.Context, query string, replicas ...Replica) (string, error) {
	inner, cancel := context.WithCancel(ctx)
	defer cancel()

	first := make(chan string, 1)
	for _, r := range replicas {
		go func() {
			a := r(inner, query)
			select {
			case first <- a:
			default: // another answer came first
			}
		}()
	}
	select {
	case a := <-first:
		return a, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
