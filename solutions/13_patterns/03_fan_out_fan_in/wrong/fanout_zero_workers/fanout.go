// Wrong: does not treat n < 1 as 1, so FanOut(ctx, in, 0, fn) starts no worker and returns no channel.
// Fan-out: several workers receive from one channel, so slow work runs in
// parallel. Fan-in: the outputs of several channels are merged into one. As
// written, FanOut starts a single worker and Merge reads its inputs one
// after another. Make both concurrent.
package fanout

import (
	"context"
	"sync"
)

// FanOut starts n workers (n < 1 counts as 1) that all receive from in,
// call fn on each value, and send the result on their own output channel.
// A worker closes its output when in is closed or ctx ends. FanOut returns
// the n output channels.
func FanOut[In, Out any](ctx context.Context, in <-chan In, n int, fn func(In) Out) []<-chan Out {
	outs := make([]<-chan Out, max(n, 0))
	for i := range outs {
		out := make(chan Out)
		outs[i] = out
		// Every worker receives from the same in: each value goes to
		// exactly one of them, whichever is free.
		go work(ctx, in, fn, out)
	}
	return outs
}

// work is one worker: it receives from in, and sends fn of each value on
// out, until in is closed or ctx ends; then it closes out.
func work[In, Out any](ctx context.Context, in <-chan In, fn func(In) Out, out chan<- Out) {
	defer close(out)
	for {
		select {
		case v, ok := <-in:
			if !ok {
				return
			}
			select {
			case out <- fn(v):
			case <-ctx.Done():
				return
			}
		case <-ctx.Done():
			return
		}
	}
}

// Merge forwards every value received on any of chans to the returned
// channel, as soon as it arrives, and closes that channel once every one of
// chans is closed. When ctx ends, Merge stops forwarding and closes it.
func Merge[T any](ctx context.Context, chans ...<-chan T) <-chan T {
	out := make(chan T)
	var wg sync.WaitGroup
	for _, ch := range chans {
		// One forwarder per input, so a slow input never holds up the
		// others.
		wg.Go(func() {
			for {
				select {
				case v, ok := <-ch:
					if !ok {
						return
					}
					select {
					case out <- v:
					case <-ctx.Done():
						return
					}
				case <-ctx.Done():
					return
				}
			}
		})
	}
	// Only when every forwarder is done can nothing more be sent on out:
	// close it then, from one place.
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}
