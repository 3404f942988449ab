// Wrong: stops starting calls when ctx ends, but does not add ctx.Err() to the errors.
// A semaphore bounds parallelism: n slots, and a goroutine must hold one to
// do the work. Build one from a buffered channel (a send takes a slot, a
// receive gives it back), then use it in ForEach, which as written starts
// every call at once.
package semaphore

import (
	"context"
	"errors"
	"sync"
)

// Semaphore has n slots. Its methods are safe for concurrent use.
type Semaphore struct {
	slots chan struct{} // one element per slot in use
}

// New returns a Semaphore with n slots (n must be at least 1).
func New(n int) *Semaphore {
	return &Semaphore{slots: make(chan struct{}, n)}
}

// Acquire takes a slot, waiting until one is free. If ctx ends before a
// slot is free, Acquire returns ctx.Err() and takes no slot.
func (s *Semaphore) Acquire(ctx context.Context) error {
	select {
	case s.slots <- struct{}{}: // blocks while the buffer is full
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// TryAcquire takes a slot if one is free right now, and reports whether it
// did. It never waits.
func (s *Semaphore) TryAcquire() bool {
	select {
	case s.slots <- struct{}{}:
		return true
	default:
		return false
	}
}

// Release gives back a slot taken by Acquire or TryAcquire.
func (s *Semaphore) Release() {
	<-s.slots
}

// ForEach calls fn(ctx, item) for every item, each call in a goroutine of
// its own, with at most limit calls running at once. It takes a slot
// before starting each goroutine, so no more than limit of them exist at a
// time. Errors do not stop the other calls: ForEach returns once every
// call has returned, with all their errors joined (errors.Join). When ctx
// ends, ForEach starts no more calls, and ctx.Err() is among the errors.
func ForEach[T any](ctx context.Context, items []T, limit int, fn func(context.Context, T) error) error {
	sem := New(limit)
	var (
		mu   sync.Mutex // guards errs
		errs []error
		wg   sync.WaitGroup
	)
	for _, item := range items {
		// Wait for a slot here, before starting the goroutine: a million
		// items never means a million goroutines waiting in line.
		if err := sem.Acquire(ctx); err != nil {
			break
		}
		wg.Go(func() {
			defer sem.Release()
			if err := fn(ctx, item); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}
