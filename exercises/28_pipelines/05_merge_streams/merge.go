// Merging sorted streams: several sources each deliver events in order of
// time, and Merge must deliver all of them as one stream in order of time
// (a k-way merge). As written it waits for every source to end, then sorts
// everything: nothing comes out while the sources are still open, and
// memory grows with the whole input. Make it stream, holding one event per
// source (container/heap helps), and follow the comment on Merge.
// You are done when the hidden tests pass (race detector, fake time).
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
		// TODO: merge as the events arrive instead of collecting them all.
		var all []Event
		for _, src := range sources {
			for ev := range src {
				all = append(all, ev)
			}
		}
		sort.SliceStable(all, func(i, j int) bool { return all[i].Time.Before(all[j].Time) })
		for _, ev := range all {
			out <- ev
		}
	}()
	return out
}
