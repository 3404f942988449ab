// Wrong: Outbox.Notify has a value receiver, so it appends to a copy and
// Sent stays empty.
// Exercise: interfaces.
//
// Declare the Notifier interface, give both notifiers below the method it
// asks for, and write NotifyAll against the interface, so that it works with
// any notifier: these two, and ones written later (or in tests).
package notify

import (
	"fmt"
	"io"
)

// Notifier delivers a message to one recipient.
type Notifier interface {
	Notify(to, msg string) error
}

// WriterNotifier writes each message to W, as one line: "<to>: <msg>\n".
type WriterNotifier struct {
	W io.Writer
}

// Notify writes "<to>: <msg>\n" to n.W.
func (n WriterNotifier) Notify(to, msg string) error {
	_, err := fmt.Fprintf(n.W, "%s: %s\n", to, msg)
	return err
}

// Outbox keeps the messages it is given, in order, as "<to>: <msg>" strings
// in Sent (no newline). Its zero value is an empty outbox.
type Outbox struct {
	Sent []string
}

// Notify appends "<to>: <msg>" to o.Sent.
func (o Outbox) Notify(to, msg string) error {
	o.Sent = append(o.Sent, to+": "+msg)
	return nil
}

// NotifyAll sends msg to every recipient, in order, through n. It stops at
// the first error and returns that error unchanged; it returns nil when
// every message was sent.
func NotifyAll(n Notifier, recipients []string, msg string) error {
	for _, to := range recipients {
		if err := n.Notify(to, msg); err != nil {
			return err
		}
	}
	return nil
}
