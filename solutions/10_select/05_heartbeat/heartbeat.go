// Exercise: a heartbeat on a time.Ticker, stopped properly.
// Run sleeps between beats: the beats drift later whenever beat takes a
// while, and Run never notices done. Use a time.Ticker (defer its Stop) and a
// select over the ticker's channel and done.
package heartbeat

import "time"

// Run calls beat(1), beat(2), ... once per interval, the first one interval
// after Run starts, until done is closed; then it stops its ticker and
// returns at once (or as soon as a running beat returns). The beats stay on
// the interval's grid even when beat takes a while (less than interval).
func Run(done <-chan struct{}, interval time.Duration, beat func(n int)) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop() // no more ticks once Run returns
	for n := 1; ; n++ {
		select {
		case <-done:
			return
		case <-ticker.C: // ticks at start+interval, start+2*interval, ...
			beat(n)
		}
	}
}
