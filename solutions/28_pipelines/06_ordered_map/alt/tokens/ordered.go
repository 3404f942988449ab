// Alternative: a pool of workers tokens; a token is taken before a value
// is received from in and given back only once its result is sent, which
// bounds both the running calls and the values held. Results travel in a
// queue of one-shot channels, in input order.
package ordered

import (
	"context"
	"sync"
)

type outcome[R any] struct {
	r   R
	err error
}

// Map applies fn to the values of in with up to workers calls at once and
// sends the results to out in input order.
func Map[T, R any](parent context.Context, in <-chan T, out chan<- R, workers int, fn func(context.Context, T) (R, error)) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	tokens := make(chan struct{}, workers)
	for range workers {
		tokens <- struct{}{}
	}
	queue := make(chan chan outcome[R], workers)
	var calls sync.WaitGroup
	var reader sync.WaitGroup
	reader.Add(1)
	go func() {
		defer reader.Done()
		defer close(queue)
		for {
			select {
			case <-tokens:
			case <-ctx.Done():
				return
			}
			var v T
			select {
			case x, ok := <-in:
				if !ok {
					return
				}
				v = x
			case <-ctx.Done():
				return
			}
			slot := make(chan outcome[R], 1)
			queue <- slot // never blocks: at most workers slots exist
			calls.Add(1)
			go func() {
				defer calls.Done()
				r, err := fn(ctx, v)
				slot <- outcome[R]{r, err}
			}()
		}
	}()

	var failure error
	for slot := range queue {
		if failure != nil {
			continue
		}
		select {
		case o := <-slot:
			if o.err != nil {
				failure = o.err
				cancel()
				continue
			}
			select {
			case out <- o.r:
				tokens <- struct{}{}
			case <-ctx.Done():
				failure = parent.Err()
			}
		case <-ctx.Done():
			failure = parent.Err()
		}
	}
	reader.Wait()
	calls.Wait()
	if failure != nil {
		return failure
	}
	return parent.Err()
}
