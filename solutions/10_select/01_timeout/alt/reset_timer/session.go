// One time.Timer made before the loop and Reset after each message, instead of time.After.
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
	timer := time.NewTimer(idle)
	defer timer.Stop()
	var got []string
	for {
		select {
		case msg, ok := <-msgs:
			if !ok {
				return got, nil
			}
			got = append(got, msg)
			timer.Reset(idle)
		case <-timer.C:
			return got, ErrIdle
		}
	}
}
