// Alt: the semaphore is a counter under a sync.Mutex, and Release wakes waiters by closing a channel that it then replaces.
package semaphore

import (
	"context"
	"errors"
	"sync"
)

// Semaphore has n slots. Its methods are safe for concurrent use.
type Semaphore struct {
	mu    sync.Mutex
	n     int
	used  int
	freed chan struct{} // closed (and replaced) each time a slot is given back
}

// New returns a Semaphore with n slots (n must be at least 1).
func New(n int) *Semaphore {
	return &Semaphore{n: n, freed: make(chan struct{})}
}

// Acquire takes a slot, waiting until one is free. If ctx ends before a
// slot is free, Acquire returns ctx.Err() and takes no slot.
func (s *Semaphore) Acquire(ctx context.Context) error {
	for {
		s.mu.Lock()
		if s.used < s.n {
			s.used++
			s.mu.Unlock()
			return nil
		}
		wait := s.freed
		s.mu.Unlock()

		select {
		case <-wait:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// TryAcquire takes a slot if one is free right now, and reports whether it
// did. It never waits.
func (s *Semaphore) TryAcquire() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.used >= s.n {
		return false
	}
	s.used++
	return true
}

// Release gives back a slot taken by Acquire or TryAcquire.
func (s *Semaphore) Release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.used--
	close(s.freed)
	s.freed = make(chan struct{})
}

// ForEach calls fn(ctx, item) for every item, each call in a goroutine of
// its own, with at most limit calls running at once. Errors do not stop the
// other calls: ForEach returns once every call has returned, with all their
// errors joined. When ctx ends, ForEach starts no more calls, and ctx.Err()
// is among the errors.
func ForEach[T any](ctx context.Context, items []T, limit int, fn func(context.Context, T) error) error {
	var (
		sem  = New(limit)
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
	)
	record := func(err error) {
		mu.Lock()
		errs = append(errs, err)
		mu.Unlock()
	}
	for i := range items {
		if err := sem.Acquire(ctx); err != nil {
			record(err)
			break
		}
		wg.Go(func() {
			defer sem.Release()
			if err := fn(ctx, items[i]); err != nil {
				record(err)
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}
