// Alternative: fmt.Fprintln (which puts the space and the newline), a
// pointer receiver on WriterNotifier too, and strings.Join in Outbox.
package notify

import (
	"fmt"
	"io"
	"strings"
)

// Notifier delivers a message to one recipient.
type Notifier interface {
	Notify(to, msg string) error
}

// WriterNotifier writes each message to W, as one line: "<to>: <msg>\n".
type WriterNotifier struct {
	W io.Writer
}

// Notify writes one line to W.
func (n *WriterNotifier) Notify(to, msg string) error {
	_, err := fmt.Fprintln(n.W, to+":", msg)
	return err
}

// Outbox keeps the messages it is given, in order, as "<to>: <msg>" strings
// in Sent (no newline). Its zero value is an empty outbox.
type Outbox struct {
	Sent []string
}

// Notify keeps the message in Sent.
func (o *Outbox) Notify(to, msg string) error {
	o.Sent = append(o.Sent, strings.Join([]string{to, msg}, ": "))
	return nil
}

// NotifyAll sends msg to every recipient, in order, through n. It stops at
// the first error and returns that error unchanged; it returns nil when
// every message was sent.
func NotifyAll(n Notifier, recipients []string, msg string) error {
	var err error
	for _, to := range recipients {
		if err = n.Notify(to, msg); err != nil {
			break
		}
	}
	return err
}
