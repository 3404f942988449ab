// Alternative: the first error is kept under a mutex (later ones are
// dropped), every receive is a select on ctx.Done() too, and the caller's
// ctx is checked after the wait to report cancellation.
package flow

import (
	"context"
	"io"
	"sync"
)

// Source produces records. Next returns io.EOF when there are no more.
type Source interface {
	Next(ctx context.Context) (string, error)
}

// Sink consumes records.
type Sink interface {
	Write(ctx context.Context, rec string) error
}

type firstError struct {
	mu     sync.Mutex
	err    error
	cancel context.CancelFunc
}

func (f *firstError) set(err error) {
	f.mu.Lock()
	if f.err == nil {
		f.err = err
	}
	f.mu.Unlock()
	f.cancel()
}

// Run moves records from src through transform to sink.
func Run(parent context.Context, src Source, transform func(string) (string, error), sink Sink, buffer int) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	fe := &firstError{cancel: cancel}
	a, b := make(chan string, buffer), make(chan string, buffer)
	var wg sync.WaitGroup
	wg.Add(3)
	go func() {
		defer wg.Done()
		defer close(a)
		for ctx.Err() == nil {
			rec, err := src.Next(ctx)
			switch {
			case err == io.EOF:
				return
			case err != nil:
				fe.set(err)
				return
			}
			select {
			case a <- rec:
			case <-ctx.Done():
			}
		}
	}()
	go func() {
		defer wg.Done()
		defer close(b)
		for {
			var rec string
			var ok bool
			select {
			case rec, ok = <-a:
			case <-ctx.Done():
				return
			}
			if !ok {
				return
			}
			out, err := transform(rec)
			if err != nil {
				fe.set(err)
				return
			}
			select {
			case b <- out:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		defer wg.Done()
		for {
			select {
			case <-ctx.Done():
				return
			case rec, ok := <-b:
				if !ok {
					return
				}
				if ctx.Err() != nil {
					return
				}
				if err := sink.Write(ctx, rec); err != nil {
					fe.set(err)
					return
				}
			}
		}
	}()
	wg.Wait()
	if err := parent.Err(); err != nil {
		return err
	}
	return fe.err
}
