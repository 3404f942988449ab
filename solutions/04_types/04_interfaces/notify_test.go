package notify

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
)

// testFakeNotifier is the tests' own Notifier: it records every call and fails
// for one recipient.
type testFakeNotifier struct {
	calls  []string
	failOn string
	err    error
}

func (f *testFakeNotifier) Notify(to, msg string) error {
	f.calls = append(f.calls, to+": "+msg)
	if to == f.failOn {
		return f.err
	}
	return nil
}

// Compile-time checks: these types must satisfy Notifier.
var (
	_ Notifier = (*testFakeNotifier)(nil)
	_ Notifier = (*WriterNotifier)(nil)
	_ Notifier = (*Outbox)(nil)
)

// testBrokenWriter fails every write.
type testBrokenWriter struct{ err error }

func (w testBrokenWriter) Write([]byte) (int, error) { return 0, w.err }

func TestWriterNotifier(t *testing.T) {
	var buf bytes.Buffer
	var n Notifier = &WriterNotifier{W: &buf}
	if err := n.Notify("ada", "deploy finished"); err != nil {
		t.Fatalf("Notify(%q, %q) = %v, want nil", "ada", "deploy finished", err)
	}
	if err := n.Notify("grace", "disk 91% full"); err != nil {
		t.Fatalf("Notify(%q, %q) = %v, want nil", "grace", "disk 91% full", err)
	}
	want := "ada: deploy finished\ngrace: disk 91% full\n"
	if got := buf.String(); got != want {
		t.Errorf("after two Notify calls, W holds %q, want %q", got, want)
	}

	errDisk := errors.New("disk full")
	n = &WriterNotifier{W: testBrokenWriter{errDisk}}
	if err := n.Notify("ada", "hi"); !errors.Is(err, errDisk) {
		t.Errorf("Notify with a writer that fails with %q returned %v, want that error", errDisk, err)
	}
}

func TestOutbox(t *testing.T) {
	o := &Outbox{}
	var n Notifier = o
	n.Notify("ada", "hello")
	n.Notify("grace", "hi there")
	want := []string{"ada: hello", "grace: hi there"}
	if !slices.Equal(o.Sent, want) {
		t.Errorf("after two Notify calls, Sent = %q, want %q (does Notify change a copy of the Outbox?)", o.Sent, want)
	}
}

func TestNotifyAll(t *testing.T) {
	errDown := errors.New("gateway down")
	cases := []struct {
		name       string
		recipients []string
		failOn     string
		wantCalls  []string
		wantErr    error
	}{
		{"every recipient in order", []string{"ada", "grace", "linus"}, "", []string{"ada: ping", "grace: ping", "linus: ping"}, nil},
		{"no recipients", nil, "", nil, nil},
		{"stops at the first error", []string{"ada", "grace", "linus"}, "grace", []string{"ada: ping", "grace: ping"}, errDown},
		{"error on the last one", []string{"ada", "grace"}, "grace", []string{"ada: ping", "grace: ping"}, errDown},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := &testFakeNotifier{failOn: c.failOn, err: errDown}
			err := NotifyAll(f, c.recipients, "ping")
			if !slices.Equal(f.calls, c.wantCalls) {
				t.Errorf("NotifyAll(n, %q, %q) made the calls %q, want %q", c.recipients, "ping", f.calls, c.wantCalls)
			}
			if c.wantErr == nil && err != nil {
				t.Errorf("NotifyAll(n, %q, %q) = %v, want nil", c.recipients, "ping", err)
			}
			if c.wantErr != nil && err != c.wantErr {
				t.Errorf("NotifyAll(n, %q, %q) = %v, want the notifier's error %q, unchanged", c.recipients, "ping", err, c.wantErr)
			}
		})
	}
}

func TestNotifyAllWithBothNotifiers(t *testing.T) {
	var buf bytes.Buffer
	if err := NotifyAll(&WriterNotifier{W: &buf}, []string{"ada", "grace"}, "release 1.2 is out"); err != nil {
		t.Fatalf("NotifyAll with a WriterNotifier = %v, want nil", err)
	}
	want := "ada: release 1.2 is out\ngrace: release 1.2 is out\n"
	if got := buf.String(); got != want {
		t.Errorf("NotifyAll with a WriterNotifier wrote %q, want %q", got, want)
	}

	o := &Outbox{}
	if err := NotifyAll(o, []string{"ada", "grace"}, "hi"); err != nil {
		t.Fatalf("NotifyAll with an *Outbox = %v, want nil", err)
	}
	if got := strings.Join(o.Sent, "|"); got != "ada: hi|grace: hi" {
		t.Errorf("NotifyAll with an *Outbox: Sent = %q, want %q", o.Sent, []string{"ada: hi", "grace: hi"})
	}
}
