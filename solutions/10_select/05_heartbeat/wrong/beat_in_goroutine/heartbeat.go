// Wrong: calls beat in a new goroutine so a slow beat never delays the loop;
// Run then returns while a beat is still running, and beats can overlap.
package heartbeat

import "time"

// Run calls beat(1), beat(2), ... once per interval, the first one interval
// after Run starts, until done is closed; then it stops its ticker and
// returns at once (or as soon as a running beat returns). The beats stay on
// the interval's grid even when beat takes a while (less than interval).
func Run(done <-chan struct{}, interval time.Duration, beat func(n int)) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for n := 1; ; n++ {
		select {
		case <-done:
			return
		case <-ticker.C:
			go beat(n)
		}
	}
}
