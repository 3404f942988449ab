// Waits for each message with a context.WithTimeout in a helper named next, instead of a timer channel.
package session

import (
	"context"
	"errors"
	"time"
)

// ErrIdle is returned when no message arrived for the idle time.
var ErrIdle = errors.New("session: idle timeout")

// ReadAll receives messages until msgs is closed, then returns them and a nil
// error. If no message arrives for idle (counted from the start, then from
// each message), it returns the messages so far and ErrIdle.
func ReadAll(msgs <-chan string, idle time.Duration) ([]string, error) {
	got := []string{}
	for {
		msg, ok, err := next(msgs, idle)
		if err != nil {
			return got, err
		}
		if !ok {
			return got, nil
		}
		got = append(got, msg)
	}
}

func next(msgs <-chan string, idle time.Duration) (string, bool, error) {
	ctx, cancel := context.WithTimeout(context.Background(), idle)
	defer cancel()
	select {
	case msg, ok := <-msgs:
		return msg, ok, nil
	case <-ctx.Done():
		return "", false, ErrIdle
	}
}
