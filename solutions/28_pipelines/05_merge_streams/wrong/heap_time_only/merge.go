// Wrong: the heap orders by time only; container/heap is not stable, so
// events with equal times come out in no particular source order.
package merge

import (
	"container/heap"
	"context"
	"time"
)

// Event is one timestamped event.
type Event struct {
	Time time.Time
	Msg  string
}

// Merge returns a channel that delivers every event of sources, in order of
// Time, each source being in order of Time already. Of events with equal
// times, those of the source listed first come first (and those of one
// source in their order). An event is sent as soon as it is known to be
// the next: when Merge holds an event from every source that has not
// ended, it sends the earliest of them at once. It holds a few events per
// source at most, never the whole input. The channel is closed when every source has been
// closed and its events sent, or as soon as ctx ends; no goroutine of
// Merge is left running after that.
func Merge(ctx context.Context, sources ...<-chan Event) <-chan Event {
	out := make(chan Event)
	go func() {
		defer close(out)
		h := &heads{}
		// next receives the next event of source i onto the heap (nothing
		// if it has ended); false if ctx ended first.
		next := func(i int) bool {
			select {
			case ev, ok := <-sources[i]:
				if ok {
					heap.Push(h, head{ev: ev, src: i})
				}
				return true
			case <-ctx.Done():
				return false
			}
		}
		for i := range sources {
			if !next(i) {
				return
			}
		}
		for h.Len() > 0 {
			top := heap.Pop(h).(head)
			select {
			case out <- top.ev:
			case <-ctx.Done():
				return
			}
			if !next(top.src) {
				return
			}
		}
	}()
	return out
}

// head is the event a source is waiting to deliver.
type head struct {
	ev  Event
	src int // the source's index: breaks ties of time
}

// heads is a min-heap of heads (container/heap.Interface).
type heads []head

func (h heads) Len() int { return len(h) }
func (h heads) Less(i, j int) bool {
	return h[i].ev.Time.Before(h[j].ev.Time)
}
func (h heads) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *heads) Push(x any)   { *h = append(*h, x.(head)) }
func (h *heads) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
