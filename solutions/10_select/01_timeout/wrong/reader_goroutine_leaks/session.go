// Wrong: moves the receiving into a reader goroutine that forwards to an
// unbuffered channel; after ErrIdle nobody receives, so the reader leaks.
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
	forwarded := make(chan string)
	closed := make(chan struct{})
	go func() {
		for msg := range msgs {
			forwarded <- msg
		}
		close(closed)
	}()
	var got []string
	for {
		select {
		case msg := <-forwarded:
			got = append(got, msg)
		case <-closed:
			return got, nil
		case <-time.After(idle):
			return got, ErrIdle
		}
	}
}
