// Alternative: a tree of two-way merges, one goroutine each: the sources
// are split in halves recursively and each pair merged, the left side
// winning ties, which keeps the order of the sources for equal times.
package merge

import (
	"context"
	"time"
)

// Event is one timestamped event.
type Event struct {
	Time time.Time
	Msg  string
}

// Merge delivers the events of sorted sources as one sorted stream.
func Merge(ctx context.Context, sources ...<-chan Event) <-chan Event {
	switch len(sources) {
	case 0:
		out := make(chan Event)
		close(out)
		return out
	case 1:
		return forward(ctx, sources[0])
	}
	mid := len(sources) / 2
	return merge2(ctx, Merge(ctx, sources[:mid]...), Merge(ctx, sources[mid:]...))
}

// forward copies in to a new channel until in closes or ctx ends.
func forward(ctx context.Context, in <-chan Event) <-chan Event {
	out := make(chan Event)
	go func() {
		defer close(out)
		for {
			select {
			case ev, ok := <-in:
				if !ok {
					return
				}
				select {
				case out <- ev:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// merge2 merges two sorted streams; left wins ties.
func merge2(ctx context.Context, left, right <-chan Event) <-chan Event {
	out := make(chan Event)
	go func() {
		defer close(out)
		recv := func(ch <-chan Event) (Event, bool, bool) {
			select {
			case ev, ok := <-ch:
				return ev, ok, true
			case <-ctx.Done():
				return Event{}, false, false
			}
		}
		l, lok, alive := recv(left)
		if !alive {
			return
		}
		r, rok, alive := recv(right)
		if !alive {
			return
		}
		for lok || rok {
			var ev Event
			takeLeft := lok && (!rok || !r.Time.Before(l.Time))
			if takeLeft {
				ev = l
			} else {
				ev = r
			}
			select {
			case out <- ev:
			case <-ctx.Done():
				return
			}
			if takeLeft {
				l, lok, alive = recv(left)
			} else {
				r, rok, alive = recv(right)
			}
			if !alive {
				return
			}
		}
	}()
	return out
}
