package pipeline

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// testSignatures holds the exercise's signatures, checked by the compiler:
// Generate hands out a receive-only channel, Upper receives from in and sends
// on out.
func testSignatures() {
	var _ func(...string) <-chan string = Generate
	var _ func(<-chan string, chan<- string) = Upper
}

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
			t.Fatalf("goroutines were still blocked when the test ended (a goroutine leak, see the failures above)")
		case strings.HasPrefix(msg, "deadlock"):
			t.Fatalf("deadlock: every goroutine was blocked waiting for another one (%v)", msg)
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testDrain receives from ch until it is closed, giving up after an hour of fake
// time without a value or a close.
func testDrain(t *testing.T, what string, ch <-chan string) []string {
	t.Helper()
	if ch == nil {
		t.Fatalf("%s: the channel is nil; a receive from a nil channel waits forever. Make it with make(chan string)", what)
	}
	var got []string
	for {
		select {
		case w, ok := <-ch:
			if !ok {
				return got
			}
			got = append(got, w)
		case <-time.After(time.Hour):
			t.Fatalf("%s: after %q, the channel was still open an hour later: close it after the last send, or a range over it never ends", what, got)
		}
	}
}

// testGenerate calls Generate in a goroutine and fails if it does not return
// while nobody receives yet.
func testGenerate(t *testing.T, words ...string) <-chan string {
	t.Helper()
	var ch <-chan string
	returned := make(chan struct{})
	go func() {
		ch = Generate(words...)
		close(returned)
	}()
	synctest.Wait()
	select {
	case <-returned:
		return ch
	default:
		t.Fatalf("Generate(%q) did not return while nobody was receiving yet: send the words from a goroutine, so that Generate can return the channel at once", words)
		return nil
	}
}

func TestGenerate(t *testing.T) {
	tests := []struct {
		name  string
		words []string
	}{
		{"no words", nil},
		{"one word", []string{"go"}},
		{"several words", []string{"select", "chan", "go", "defer"}},
		{"empty strings are words too", []string{"", "x", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				what := fmt.Sprintf("Generate(%q)", tt.words)
				got := testDrain(t, what, testGenerate(t, tt.words...))
				if !slices.Equal(got, tt.words) {
					t.Errorf("%s yielded %q, want %q in that order", what, got, tt.words)
				}
			})
		})
	}
}

// testFeed sends words on a new channel, one per second of fake time, then
// closes it.
func testFeed(words ...string) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		for _, w := range words {
			time.Sleep(time.Second)
			ch <- w
		}
	}()
	return ch
}

func TestUpper(t *testing.T) {
	tests := []struct {
		name     string
		in, want []string
	}{
		{"closed at once", nil, nil},
		{"ASCII", []string{"get", "Post", "DELETE"}, []string{"GET", "POST", "DELETE"}},
		{"Unicode", []string{"émile", "ὀδυσσεύς", "jürgen"}, []string{"ÉMILE", "ὈΔΥΣΣΕΎΣ", "JÜRGEN"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				out := make(chan string)
				returned := make(chan struct{})
				go func() {
					Upper(testFeed(tt.in...), out)
					close(returned)
				}()
				got := testDrain(t, fmt.Sprintf("Upper(%q)", tt.in), out)
				if !slices.Equal(got, tt.want) {
					t.Errorf("Upper sent %q for %q, want %q", got, tt.in, tt.want)
				}
				<-returned
			})
		})
	}
}

func TestPipeline(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		in := testGenerate(t, "a", "b", "c")
		if in == nil {
			t.Fatalf("Generate returned a nil channel; a receive from a nil channel waits forever. Make it with make(chan string)")
		}
		out := make(chan string)
		go Upper(in, out)
		if got, want := testDrain(t, "Upper(Generate(...))", out), []string{"A", "B", "C"}; !slices.Equal(got, want) {
			t.Errorf("Upper(Generate(\"a\", \"b\", \"c\")) sent %q, want %q", got, want)
		}
	})
}
