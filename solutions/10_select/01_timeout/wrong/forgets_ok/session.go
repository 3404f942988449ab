// Wrong: ignores ok, so after the close it receives "" forever.
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
	var got []string
	for {
		select {
		case msg := <-msgs:
			got = append(got, msg)
		case <-time.After(idle):
			return got, ErrIdle
		}
	}
}
