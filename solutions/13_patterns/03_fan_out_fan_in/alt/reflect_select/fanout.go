// Alt: Merge waits on every input at once with a single reflect.Select, dropping each input from the cases when it is closed.
package fanout

import (
	"context"
	"reflect"
)

// FanOut starts n workers (n < 1 counts as 1) that all receive from in,
// call fn on each value, and send the result on their own output channel.
// A worker closes its output when in is closed or ctx ends. FanOut returns
// the n output channels.
func FanOut[In, Out any](ctx context.Context, in <-chan In, n int, fn func(In) Out) []<-chan Out {
	outs := make([]<-chan Out, 0, max(n, 1))
	for range max(n, 1) {
		out := make(chan Out)
		go work(ctx, in, fn, out)
		outs = append(outs, out)
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
	go func() {
		defer close(out)
		// cases[0] is ctx.Done(); the rest are the inputs still open.
		cases := []reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(ctx.Done())}}
		for _, ch := range chans {
			cases = append(cases, reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(ch)})
		}
		for len(cases) > 1 {
			i, v, ok := reflect.Select(cases)
			if i == 0 {
				return
			}
			if !ok {
				cases = append(cases[:i], cases[i+1:]...)
				continue
			}
			select {
			case out <- v.Interface().(T):
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
