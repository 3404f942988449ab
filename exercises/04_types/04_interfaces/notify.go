// Exercise: interfaces.
//
// Declare the Notifier interface, give both notifiers below the method it
// asks for, and write NotifyAll against the interface, so that it works with
// any notifier: these two, and ones written later (or in tests).
package notify

import "io"

// Notifier delivers a message to one recipient.
type Notifier interface {
	// TODO: declare the one method every notifier has:
	// Notify(to, msg string) error
}

// WriterNotifier writes each message to W, as one line: "<to>: <msg>\n".
type WriterNotifier struct {
	W io.Writer
}

// TODO: give WriterNotifier a Notify method that writes the line (for
// example with fmt.Fprintf) and returns the error of the write.

// Outbox keeps the messages it is given, in order, as "<to>: <msg>" strings
// in Sent (no newline). Its zero value is an empty outbox.
type Outbox struct {
	Sent []string
}

// TODO: give Outbox a Notify method that appends "<to>: <msg>" to Sent and
// returns nil. It changes the Outbox: which kind of receiver does it need?

// NotifyAll sends msg to every recipient, in order, through n. It stops at
// the first error and returns that error unchanged; it returns nil when
// every message was sent.
func NotifyAll(n Notifier, recipients []string, msg string) error {
	// TODO: call n.Notify for each recipient.
	return nil
}
