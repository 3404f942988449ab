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
	var got []string
	for msg := range msgs { // TODO: give up when no message comes for idle
		got = append(got, msg)
	}
	return got, nil
}
