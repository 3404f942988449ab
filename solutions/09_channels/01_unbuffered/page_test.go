package page

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// testRunBubble runs f in a synctest bubble: time is fake (sleeps are instant and
// exact), and goroutines still blocked when f ends are reported as a leak.
func testRunBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		msg := fmt.Sprint(r)
		switch {
		case strings.Contains(msg, "blocked goroutines remain"):
			if testBlockedInSend() {
				t.Fatalf("a goroutine started by Load was still blocked in a channel send an hour after Load returned (a goroutine leak): a send on an unbuffered channel waits until someone receives, so receive the result on every path out of Load (or give the channel room for the one value)")
			}
			t.Fatalf("a goroutine started by Load was still blocked an hour after Load returned (a goroutine leak): every goroutine Load starts must be able to finish")
		case strings.HasPrefix(msg, "deadlock"):
			t.Fatalf("deadlock: every goroutine was blocked waiting for another one (%v)", msg)
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testBlockedInSend reports whether a goroutine of a synctest bubble is
// blocked sending on a channel.
func testBlockedInSend() bool {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	for line := range strings.Lines(string(buf)) {
		if strings.HasPrefix(line, "goroutine ") && strings.Contains(line, "[chan send") &&
			(strings.Contains(line, "synctest") || strings.Contains(line, "durable")) {
			return true
		}
	}
	return false
}

var (
	testErrProfile = errors.New("profile service unavailable")
	testErrFeed    = errors.New("feed service unavailable")
)

// testLoaders returns a profile and a feed loader that take the given (fake)
// times and fail if asked to.
func testLoaders(profileTook, feedTook time.Duration, profileFails, feedFails bool) (func() (string, error), func() ([]string, error)) {
	profile := func() (string, error) {
		time.Sleep(profileTook)
		if profileFails {
			return "", testErrProfile
		}
		return "Ada Lovelace", nil
	}
	feed := func() ([]string, error) {
		time.Sleep(feedTook)
		if feedFails {
			return nil, testErrFeed
		}
		return []string{"hello", "world"}, nil
	}
	return profile, feed
}

func TestLoad(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name                  string
		profileTook, feedTook time.Duration
	}{
		{"profile slower than feed", 200 * ms, 100 * ms},
		{"feed slower than profile", 50 * ms, 300 * ms},
		{"profile takes an hour", time.Hour, 10 * ms},
		{"both instant", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				profile, feed := testLoaders(tt.profileTook, tt.feedTook, false, false)
				start := time.Now()
				got, err := Load(profile, feed)
				took := time.Since(start)
				want := Page{Profile: "Ada Lovelace", Feed: []string{"hello", "world"}}
				if err != nil || got.Profile != want.Profile || !slices.Equal(got.Feed, want.Feed) {
					t.Errorf("Load (profile takes %v, feed %v) = %+v, %v; want %+v, nil", tt.profileTook, tt.feedTook, got, err, want)
				}
				if wantTook := max(tt.profileTook, tt.feedTook); took != wantTook {
					t.Errorf("Load (profile takes %v, feed %v) took %v, want %v: load both at the same time, and return as soon as both are done (wait for the result, do not sleep)", tt.profileTook, tt.feedTook, took, wantTook)
				}
			})
		})
	}
}

func TestLoadErrors(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name                    string
		profileTook, feedTook   time.Duration
		profileFails, feedFails bool
		want                    []error // the error must wrap one of these
	}{
		{"profile fails", 100 * ms, 50 * ms, true, false, []error{testErrProfile}},
		{"feed fails while profile still loads", 200 * ms, 50 * ms, false, true, []error{testErrFeed}},
		{"feed fails after profile loaded", 10 * ms, 50 * ms, false, true, []error{testErrFeed}},
		{"both fail", 30 * ms, 20 * ms, true, true, []error{testErrFeed, testErrProfile}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				profile, feed := testLoaders(tt.profileTook, tt.feedTook, tt.profileFails, tt.feedFails)
				got, err := Load(profile, feed)
				// Give any goroutine Load left behind an hour to finish;
				// one still blocked after that is reported as a leak.
				time.Sleep(time.Hour)
				if !slices.ContainsFunc(tt.want, func(e error) bool { return errors.Is(err, e) }) {
					t.Errorf("Load (%s) returned error %v, want an error wrapping %q", tt.name, err, tt.want)
				}
				if got.Profile != "" || got.Feed != nil {
					t.Errorf("Load (%s) returned page %+v with its error, want the zero Page", tt.name, got)
				}
			})
		})
	}
}
