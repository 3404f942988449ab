package resources

import (
	"errors"
	"fmt"
	"slices"
	"testing"
)

var testErrTestBusy = errors.New("resource busy")

// testCallLog logs every call WithResources makes, in order.
type testCallLog struct {
	events []string
	failOn string // acquire of this name fails
}

func (r *testCallLog) acquire(name string) error {
	r.events = append(r.events, "acquire "+name)
	if name == r.failOn {
		return testErrTestBusy
	}
	return nil
}

func (r *testCallLog) release(name string) { r.events = append(r.events, "release "+name) }

func (r *testCallLog) work() { r.events = append(r.events, "work") }

// testCallWithResources calls WithResources and turns an unexpected panic into a failure.
func testCallWithResources(t *testing.T, r *testCallLog, names []string, work func()) (err error) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("WithResources(%q) panicked: %v\ncalls so far: %q", names, p, r.events)
		}
	}()
	return WithResources(names, r.acquire, r.release, work)
}

func TestReleaseOrder(t *testing.T) {
	cases := []struct {
		names []string
		want  []string
	}{
		{nil, []string{"work"}},
		{[]string{"db"}, []string{"acquire db", "work", "release db"}},
		{[]string{"db", "cache"}, []string{"acquire db", "acquire cache", "work", "release cache", "release db"}},
		{
			[]string{"config", "db", "cache", "queue"},
			[]string{"acquire config", "acquire db", "acquire cache", "acquire queue", "work",
				"release queue", "release cache", "release db", "release config"},
		},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%d resources", len(c.names)), func(t *testing.T) {
			r := &testCallLog{}
			err := testCallWithResources(t, r, c.names, r.work)
			if err != nil {
				t.Errorf("WithResources(%q) = %v, want nil", c.names, err)
			}
			if !slices.Equal(r.events, c.want) {
				t.Errorf("WithResources(%q) made the calls\n  %q\nwant\n  %q", c.names, r.events, c.want)
			}
		})
	}
}

func TestAcquireFails(t *testing.T) {
	names := []string{"config", "db", "cache", "queue"}
	cases := []struct {
		failOn string
		want   []string
	}{
		{"config", []string{"acquire config"}},
		{"db", []string{"acquire config", "acquire db", "release config"}},
		{"queue", []string{"acquire config", "acquire db", "acquire cache", "acquire queue",
			"release cache", "release db", "release config"}},
	}
	for _, c := range cases {
		t.Run("acquire "+c.failOn+" fails", func(t *testing.T) {
			r := &testCallLog{failOn: c.failOn}
			err := testCallWithResources(t, r, names, r.work)
			if !errors.Is(err, testErrTestBusy) {
				t.Errorf("WithResources(%q) with acquire(%q) failing returned %v, want the error of acquire (%v)", names, c.failOn, err, testErrTestBusy)
			}
			if !slices.Equal(r.events, c.want) {
				t.Errorf("WithResources(%q) with acquire(%q) failing made the calls\n  %q\nwant (no work, release only what was acquired, newest first)\n  %q", names, c.failOn, r.events, c.want)
			}
		})
	}
}

func TestWorkPanics(t *testing.T) {
	names := []string{"db", "cache"}
	r := &testCallLog{}
	boom := errors.New("boom")
	var recovered any
	func() {
		defer func() { recovered = recover() }()
		_ = WithResources(names, r.acquire, r.release, func() {
			r.events = append(r.events, "work")
			panic(boom)
		})
	}()
	want := []string{"acquire db", "acquire cache", "work", "release cache", "release db"}
	if !slices.Equal(r.events, want) {
		t.Errorf("when work panics, WithResources(%q) made the calls\n  %q\nwant (the resources are still released, newest first)\n  %q", names, r.events, want)
	}
	if recovered != boom {
		t.Errorf("when work panics with %v, the caller recovered %v; want the same panic to reach the caller", boom, recovered)
	}
}
