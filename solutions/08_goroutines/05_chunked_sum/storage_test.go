package storage

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testRunBubble runs f in a synctest bubble: time is fake (sleeps are instant and
// exact), and goroutines still running when f ends are reported as a leak.
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
			t.Fatalf("goroutines started by TotalSize were still running after it returned (a goroutine leak): TotalSize must wait for all of them")
		case strings.HasPrefix(msg, "deadlock"):
			t.Fatalf("deadlock: every goroutine was blocked waiting for another one (%v)", msg)
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testBucket is a fake object store: the size of key "kN" is N bytes. It counts
// the calls of size per key and how many run at the same moment.
type testBucket struct {
	took time.Duration

	mu            sync.Mutex
	calls         map[string]int
	running, most int
}

func testNewBucket(took time.Duration) *testBucket {
	return &testBucket{took: took, calls: map[string]int{}}
}

func (b *testBucket) size(key string) int64 {
	b.mu.Lock()
	b.calls[key]++
	b.running++
	b.most = max(b.most, b.running)
	b.mu.Unlock()
	time.Sleep(b.took)
	b.mu.Lock()
	b.running--
	b.mu.Unlock()
	n, _ := strconv.ParseInt(strings.TrimPrefix(key, "k"), 10, 64)
	return n
}

// testKeys returns "k1" ... "kn" and their total size, 1+2+...+n.
func testKeys(n int) ([]string, int64) {
	out := make([]string, n)
	for i := range n {
		out[i] = "k" + strconv.Itoa(i+1)
	}
	return out, int64(n) * int64(n+1) / 2
}

func TestTotalSize(t *testing.T) {
	tests := []struct {
		name        string
		keys, parts int
	}{
		{"no keys", 0, 4},
		{"one key", 1, 4},
		{"keys divide evenly", 8, 4},
		{"keys do not divide evenly", 10, 3},
		{"more parts than keys", 3, 8},
		{"one part", 5, 1},
		{"zero parts counts as one", 5, 0},
		{"negative parts counts as one", 5, -2},
		{"many keys", 10000, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				ks, want := testKeys(tt.keys)
				b := testNewBucket(time.Millisecond)
				got := TotalSize(ks, tt.parts, b.size)
				if got != want {
					t.Errorf("TotalSize(keys k1..k%d, parts %d) = %d, want %d", tt.keys, tt.parts, got, want)
				}
				b.mu.Lock()
				defer b.mu.Unlock()
				for _, k := range ks {
					if n := b.calls[k]; n != 1 {
						t.Errorf("TotalSize(keys k1..k%d, parts %d) asked for the size of %s %d times, want once", tt.keys, tt.parts, k, n)
						break
					}
				}
			})
		})
	}
}

func TestTotalSizeRunsPartsAtOnce(t *testing.T) {
	tests := []struct {
		keys, parts   int
		least, atMost int
	}{
		{keys: 8, parts: 4, least: 4, atMost: 4},
		{keys: 10, parts: 3, least: 2, atMost: 3},
		{keys: 3, parts: 8, least: 2, atMost: 3},
		{keys: 6, parts: 1, least: 1, atMost: 1},
		{keys: 6, parts: 0, least: 1, atMost: 1},
		{keys: 100, parts: 5, least: 5, atMost: 5},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d keys, parts %d", tt.keys, tt.parts), func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				ks, _ := testKeys(tt.keys)
				b := testNewBucket(time.Second)
				TotalSize(ks, tt.parts, b.size)
				b.mu.Lock()
				defer b.mu.Unlock()
				switch {
				case b.most > tt.atMost:
					t.Errorf("TotalSize(keys k1..k%d, parts %d): %d calls of size ran at the same time, want at most %d: one goroutine per part, not per key", tt.keys, tt.parts, b.most, tt.atMost)
				case b.most < tt.least:
					t.Errorf("TotalSize(keys k1..k%d, parts %d): at most %d call(s) of size ran at the same time, want %d: sum the parts in goroutines that run at the same time", tt.keys, tt.parts, b.most, tt.least)
				}
			})
		})
	}
}
