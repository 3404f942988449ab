// Alt: each forwarder of Merge reports on a done channel and one goroutine counts the reports before closing out, instead of a sync.WaitGroup.
package fanout

import "context"

// FanOut starts n workers (n < 1 counts as 1) that all receive from in,
// call fn on each value, and send the result on their own output channel.
// A worker closes its output when in is closed or ctx ends. FanOut returns
// the n output channels.
func FanOut[In, Out any](ctx context.Context, in <-chan In, n int, fn func(In) Out) []<-chan Out {
	if n < 1 {
		n = 1
	}
	outs := make([]<-chan Out, n)
	for i := range outs {
		out := make(chan Out)
		go work(ctx, in, fn, out)
		outs[i] = out
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
	done := make(chan struct{}, len(chans))
	forward := func(ch <-chan T) {
		defer func() { done <- struct{}{} }()
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
	}
	for _, ch := range chans {
		go forward(ch)
	}
	go func() {
		for range chans {
			<-done
		}
		close(out)
	}()
	return out
}
