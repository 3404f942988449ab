// Wrong: sleeps, then checks done without waiting: it drifts when beats are
// slow and notices done only when its sleep is over.
package heartbeat

import "time"

// Run calls beat(1), beat(2), ... once per interval, the first one interval
// after Run starts, until done is closed; then it stops its ticker and
// returns at once (or as soon as a running beat returns). The beats stay on
// the interval's grid even when beat takes a while (less than interval).
func Run(done <-chan struct{}, interval time.Duration, beat func(n int)) {
	for n := 1; ; n++ {
		time.Sleep(interval)
		select {
		case <-done:
			return
		default:
		}
		beat(n)
	}
}
