package patterns

import (
	"testing"
	"testing/synctest"
	"time"
)

// ANCHOR: ticker
// sendAll sends the messages at a steady pace, one per tick. A Ticker
// holds a timer: Stop it when done. (Since Go 1.23 an unreferenced ticker
// is garbage collected, but a goroutine blocked on its channel is not.)
func sendAll(msgs []string, every time.Duration, send func(string)) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for _, m := range msgs {
		<-tick.C
		send(m)
	}
}

// ANCHOR_END: ticker

// ANCHOR: ticker_test
func TestSendAllPace(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var at []time.Duration
		sendAll([]string{"a", "b", "c"}, 100*time.Millisecond, func(string) {
			at = append(at, time.Since(start))
		})
		want := []time.Duration{
			100 * time.Millisecond,
			200 * time.Millisecond,
			300 * time.Millisecond,
		}
		for i := range want {
			if at[i] != want[i] {
				t.Errorf("message %d sent at %v, want %v", i, at[i], want[i])
			}
		}
	})
}

// ANCHOR_END: ticker_test
