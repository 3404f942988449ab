// Alt: the channel starts full of tokens (a receive takes a slot, a send gives it back), and ForEach collects errors on a buffered channel.
package semaphore

import (
	"context"
	"errors"
	"sync"
)

// Semaphore has n slots. Its methods are safe for concurrent use.
type Semaphore struct {
	tokens chan struct{} // one element per free slot
}

// New returns a Semaphore with n slots (n must be at least 1).
func New(n int) *Semaphore {
	s := &Semaphore{tokens: make(chan struct{}, n)}
	for range n {
		s.tokens <- struct{}{}
	}
	return s
}

// Acquire takes a slot, waiting until one is free. If ctx ends before a
// slot is free, Acquire returns ctx.Err() and takes no slot.
func (s *Semaphore) Acquire(ctx context.Context) error {
	select {
	case <-s.tokens:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// TryAcquire takes a slot if one is free right now, and reports whether it
// did. It never waits.
func (s *Semaphore) TryAcquire() bool {
	select {
	case <-s.tokens:
		return true
	default:
		return false
	}
}

// Release gives back a slot taken by Acquire or TryAcquire.
func (s *Semaphore) Release() {
	s.tokens <- struct{}{}
}

// ForEach calls fn(ctx, item) for every item, each call in a goroutine of
// its own, with at most limit calls running at once. Errors do not stop the
// other calls: ForEach returns once every call has returned, with all their
// errors joined. When ctx ends, ForEach starts no more calls, and ctx.Err()
// is among the errors.
func ForEach[T any](ctx context.Context, items []T, limit int, fn func(context.Context, T) error) error {
	sem := New(limit)
	errc := make(chan error, len(items)+1)
	var wg sync.WaitGroup
	for _, item := range items {
		if err := sem.Acquire(ctx); err != nil {
			errc <- err
			break
		}
		wg.Go(func() {
			defer sem.Release()
			errc <- fn(ctx, item)
		})
	}
	wg.Wait()
	close(errc)

	var errs []error
	for err := range errc {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}
