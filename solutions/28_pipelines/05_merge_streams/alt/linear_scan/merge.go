// Alternative: no heap; one slot per source, and a linear scan over the
// slots for the earliest event (the first slot wins ties), which is as
// good as a heap for a handful of sources.
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
	out := make(chan Event)
	go func() {
		defer close(out)
		slots := make([]*Event, len(sources))
		fill := func(i int) bool {
			select {
			case <-ctx.Done():
				return false
			case ev, ok := <-sources[i]:
				if ok {
					slots[i] = &ev
				} else {
					slots[i] = nil
				}
				return true
			}
		}
		for i := range sources {
			if !fill(i) {
				return
			}
		}
		for {
			best := -1
			for i, ev := range slots {
				if ev != nil && (best < 0 || ev.Time.Before(slots[best].Time)) {
					best = i
				}
			}
			if best < 0 {
				return
			}
			select {
			case <-ctx.Done():
				return
			case out <- *slots[best]:
			}
			if !fill(best) {
				return
			}
		}
	}()
	return out
}
