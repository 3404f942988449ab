// Wrong: a new time.After on every pass waits a full interval from the END
// of the previous beat, so slow beats push every later beat back (drift).
package heartbeat

import "time"

// Run calls beat(1), beat(2), ... once per interval, the first one interval
// after Run starts, until done is closed; then it stops its ticker and
// returns at once (or as soon as a running beat returns). The beats stay on
// the interval's grid even when beat takes a while (less than interval).
func Run(done <-chan struct{}, interval time.Duration, beat func(n int)) {
	for n := 1; ; n++ {
		select {
		case <-done:
			return
		case <-time.After(interval):
			beat(n)
		}
	}
}
