// Counts beats in a separate variable and checks done first without waiting before each beat.
package heartbeat

import "time"

// Run calls beat(1), beat(2), ... once per interval, the first one interval
// after Run starts, until done is closed; then it stops its ticker and
// returns at once (or as soon as a running beat returns). The beats stay on
// the interval's grid even when beat takes a while (less than interval).
func Run(done <-chan struct{}, interval time.Duration, beat func(n int)) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	n := 0
	for {
		select {
		case <-done:
			return
		case <-ticker.C:
			select {
			case <-done:
				return
			default:
			}
			n++
			beat(n)
		}
	}
}
