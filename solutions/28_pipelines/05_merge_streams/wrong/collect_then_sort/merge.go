// Wrong: reads every source to its end, then sorts and sends: correct
// order, but nothing is sent while the sources are open, and every event
// is held in memory.
package merge

import (
	"context"
	"sort"
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
		var all []Event
		for _, src := range sources {
			for {
				select {
				case ev, ok := <-src:
					if !ok {
						goto next
					}
					all = append(all, ev)
				case <-ctx.Done():
					return
				}
			}
		next:
		}
		sort.SliceStable(all, func(i, j int) bool { return all[i].Time.Before(all[j].Time) })
		for _, ev := range all {
			select {
			case out <- ev:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
