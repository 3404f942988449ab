package worker

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// testCall runs SafeCall(task) and turns a panic that gets through it into a
// test failure, instead of a crash of every test.
func testCall(t *testing.T, what string, task func() error) (err error) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("SafeCall(%s) let the panic through: %v", what, r)
		}
	}()
	return SafeCall(task)
}

func TestSafeCallPassesErrorsThrough(t *testing.T) {
	if err := testCall(t, "a task that returns nil", func() error { return nil }); err != nil {
		t.Errorf("SafeCall(a task that returns nil) = %q, want nil", err)
	}
	errBoom := errors.New("boom")
	err := testCall(t, "a task that returns errBoom", func() error { return errBoom })
	if err != errBoom {
		t.Errorf("SafeCall(a task that returns errBoom) = %v, want errBoom itself, unchanged", err)
	}
	if errors.Is(err, ErrPanicked) {
		t.Errorf("SafeCall(a task that returns an error without panicking) returned an error that matches ErrPanicked")
	}
}

func TestSafeCallRecovers(t *testing.T) {
	errDisk := errors.New("disk full")
	cases := []struct {
		name     string
		task     func() error
		wantText string // in the message
		wantErr  error  // wrapped, when not nil
	}{
		{`panic("boom")`, func() error { panic("boom") }, "boom", nil},
		{`panic(42)`, func() error { panic(42) }, "42", nil},
		{`panic(errDisk)`, func() error { panic(errDisk) }, "disk full", errDisk},
		{`panic(fmt.Errorf("save: %w", errDisk))`, func() error { panic(fmt.Errorf("save: %w", errDisk)) }, "save: disk full", errDisk},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := testCall(t, "a task that calls "+c.name, c.task)
			if err == nil {
				t.Fatalf("SafeCall(a task that calls %s) = nil, want an error", c.name)
			}
			if !errors.Is(err, ErrPanicked) {
				t.Errorf("SafeCall(a task that calls %s) = %q; want an error that errors.Is matches with ErrPanicked", c.name, err)
			}
			if !strings.Contains(err.Error(), c.wantText) {
				t.Errorf("SafeCall(a task that calls %s) = %q; want the panic value %q in the message", c.name, err, c.wantText)
			}
			if c.wantErr != nil && !errors.Is(err, c.wantErr) {
				t.Errorf("SafeCall(a task that calls %s) = %q; the panic value is an error, so errors.Is(err, errDisk) must be true: wrap it with %%w", c.name, err)
			}
		})
	}
}

func TestSafeCallRecoversRuntimeErrors(t *testing.T) {
	err := testCall(t, "a task that indexes out of range", func() error {
		var s []int
		i := 3
		_ = s[i]
		return nil
	})
	if !errors.Is(err, ErrPanicked) {
		t.Fatalf("SafeCall(a task that indexes out of range) = %v; want an error that matches ErrPanicked", err)
	}
	var re runtime.Error
	if !errors.As(err, &re) {
		t.Errorf("SafeCall(a task that indexes out of range) = %q; the panic value is a runtime.Error, so errors.As must find it: wrap it with %%w", err)
	}
	if !strings.Contains(err.Error(), "index out of range") {
		t.Errorf("SafeCall(a task that indexes out of range) = %q; want the panic value in the message", err)
	}

	err = testCall(t, "a task that calls panic(nil)", func() error { panic(nil) })
	if !errors.Is(err, ErrPanicked) {
		t.Errorf("SafeCall(a task that calls panic(nil)) = %v; want an error that matches ErrPanicked (since Go 1.21, recover returns a *runtime.PanicNilError)", err)
	}
}

func TestRunAll(t *testing.T) {
	errSlow := errors.New("too slow")
	ran := 0
	tasks := []func() error{
		func() error { ran++; return nil },
		func() error { ran++; panic("bad input") },
		func() error { ran++; return errSlow },
		func() error { ran++; return nil },
	}
	var errs []error
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("RunAll let a task's panic through: %v", r)
			}
		}()
		errs = RunAll(tasks)
	}()
	if ran != 4 {
		t.Errorf("RunAll ran %d of 4 tasks, want all 4", ran)
	}
	if len(errs) != 4 {
		t.Fatalf("RunAll returned %d errors for 4 tasks, want 4", len(errs))
	}
	if errs[0] != nil || errs[3] != nil {
		t.Errorf("RunAll: errs[0] = %v, errs[3] = %v, want nil for the tasks that succeeded", errs[0], errs[3])
	}
	if !errors.Is(errs[1], ErrPanicked) {
		t.Errorf("RunAll: errs[1] = %v, want an error matching ErrPanicked for the task that panicked", errs[1])
	}
	if errs[2] != errSlow {
		t.Errorf("RunAll: errs[2] = %v, want the task's own error, %q", errs[2], errSlow)
	}
}
