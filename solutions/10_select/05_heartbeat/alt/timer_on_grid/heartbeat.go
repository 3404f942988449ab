// A time.Timer reset to the next point of the grid (start + n*interval) instead of a Ticker.
package heartbeat

import "time"

// Run calls beat(1), beat(2), ... once per interval, the first one interval
// after Run starts, until done is closed; then it stops its ticker and
// returns at once (or as soon as a running beat returns). The beats stay on
// the interval's grid even when beat takes a while (less than interval).
func Run(done <-chan struct{}, interval time.Duration, beat func(n int)) {
	start := time.Now()
	timer := time.NewTimer(interval)
	defer timer.Stop()
	for n := 1; ; n++ {
		select {
		case <-done:
			return
		case <-timer.C:
		}
		beat(n)
		timer.Reset(time.Until(start.Add(time.Duration(n+1) * interval)))
	}
}
