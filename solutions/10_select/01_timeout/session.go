// Exercise: stop waiting with select and a timer.
// ReadAll waits forever when the client goes quiet. In a select, wait for the
// next message OR for idle to pass (time.After, or a time.Timer you Reset),
// and return ErrIdle when the timer wins. The wait restarts after each message.
package session

import (
	"errors"
	"time"
)

// ErrIdle is returned when no message arrived for the idle time.
var ErrIdle = errors.New("session: idle timeout")

// ReadAll receives messages until msgs is closed, then returns them and a nil
// error. If no message arrives for idle (counted from the start, then from
// each message), it returns the messages so far and ErrIdle.
func ReadAll(msgs <-chan string, idle time.Duration) ([]string, error) {
	// One timer for the whole loop, restarted after every message. (Since
	// Go 1.23, `case <-time.After(idle)` in the loop works as well: timers
	// nobody references any more are collected even before they fire.)
	timer := time.NewTimer(idle)
	defer timer.Stop()
	var got []string
	for {
		select {
		case msg, ok := <-msgs:
			if !ok {
				return got, nil // closed: the client said goodbye
			}
			got = append(got, msg)
			// Since Go 1.23, Reset also discards a tick that was not yet
			// received: no need to drain timer.C first.
			timer.Reset(idle)
		case <-timer.C:
			return got, ErrIdle
		}
	}
}
