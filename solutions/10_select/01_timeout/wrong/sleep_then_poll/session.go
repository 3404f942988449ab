// Wrong: polls: when no message is ready it sleeps for idle and looks once
// more, so it notices messages late and gives up far too late.
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
	slept := false
	for {
		select {
		case msg, ok := <-msgs:
			if !ok {
				return got, nil
			}
			got = append(got, msg)
			slept = false
		default:
			if slept {
				return got, ErrIdle
			}
			time.Sleep(idle)
			slept = true
		}
	}
}
