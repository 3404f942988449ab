// Alternative: io.WriteString with concatenation for the writer, string
// concatenation for the outbox, and an index loop in NotifyAll.
package notify

import "io"

// Notifier delivers a message to one recipient.
type Notifier interface {
	Notify(to, msg string) error
}

// WriterNotifier writes each message to W, as one line: "<to>: <msg>\n".
type WriterNotifier struct {
	W io.Writer
}

// Notify writes "<to>: <msg>\n" to W.
func (n WriterNotifier) Notify(to, msg string) error {
	_, err := io.WriteString(n.W, to+": "+msg+"\n")
	return err
}

// Outbox keeps the messages it is given, in order, as "<to>: <msg>" strings
// in Sent (no newline). Its zero value is an empty outbox.
type Outbox struct {
	Sent []string
}

// Notify appends "<to>: <msg>" to Sent.
func (o *Outbox) Notify(to, msg string) error {
	o.Sent = append(o.Sent, to+": "+msg)
	return nil
}

// NotifyAll sends msg to every recipient, in order, through n. It stops at
// the first error and returns that error unchanged; it returns nil when
// every message was sent.
func NotifyAll(n Notifier, recipients []string, msg string) error {
	for i := 0; i < len(recipients); i++ {
		if err := n.Notify(recipients[i], msg); err != nil {
			return err
		}
	}
	return nil
}
