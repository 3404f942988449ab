package ids

import (
	"fmt"
	"testing"
)

// testTakeIDs calls next n times and returns what it handed out.
func testTakeIDs(next func() string, n int) []string {
	var out []string
	for range n {
		out = append(out, next())
	}
	return out
}

func testEqualIDs(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestNext(t *testing.T) {
	for _, prefix := range []string{"req", "user", ""} {
		t.Run(fmt.Sprintf("prefix %q", prefix), func(t *testing.T) {
			next, _ := NewSequence(prefix)
			got := testTakeIDs(next, 3)
			want := []string{prefix + "-1", prefix + "-2", prefix + "-3"}
			if !testEqualIDs(got, want) {
				t.Errorf("three calls of next from NewSequence(%q) = %q, want %q", prefix, got, want)
			}
		})
	}
}

func TestReset(t *testing.T) {
	next, reset := NewSequence("job")
	before := testTakeIDs(next, 5)
	reset()
	got := testTakeIDs(next, 2)
	want := []string{"job-1", "job-2"}
	if !testEqualIDs(got, want) {
		// Only a sequence that counted right and then went on as if reset
		// had not been called shows that reset left the counter alone.
		if testEqualIDs(before, []string{"job-1", "job-2", "job-3", "job-4", "job-5"}) &&
			testEqualIDs(got, []string{"job-6", "job-7"}) {
			t.Errorf("after 5 calls of next %q and a reset, next, next = %q, want %q: next went on counting as if reset had not been called (reset must change the counter next uses)", before, got, want)
		} else {
			t.Errorf("after 5 calls of next %q and a reset, next, next = %q, want %q", before, got, want)
		}
	}

	t.Run("reset before any next", func(t *testing.T) {
		next, reset := NewSequence("x")
		reset()
		if got := next(); got != "x-1" {
			t.Errorf("reset then next = %q, want %q", got, "x-1")
		}
	})
}

func TestSequencesAreIndependent(t *testing.T) {
	t.Run("different prefixes", func(t *testing.T) {
		nextA, _ := NewSequence("a")
		nextB, _ := NewSequence("b")
		testTakeIDs(nextA, 3)
		if got := nextB(); got == "b-4" {
			t.Errorf(`first call of a new sequence "b", after 3 calls of sequence "a" = %q, want "b-1": it went on from a's count (each sequence needs its own counter)`, got)
		} else if got != "b-1" {
			t.Errorf(`first call of a new sequence "b", after 3 calls of sequence "a" = %q, want "b-1"`, got)
		}
		if got := nextA(); got != "a-4" {
			t.Errorf(`fourth call of sequence "a" after one call of "b" = %q, want "a-4"`, got)
		}
	})
	t.Run("same prefix", func(t *testing.T) {
		next1, reset1 := NewSequence("id")
		next2, _ := NewSequence("id")
		testTakeIDs(next1, 2)
		first := next2()
		if first != "id-1" {
			t.Errorf(`second sequence "id", first call = %q, want "id-1"`, first)
		}
		seen := append([]string{first}, testTakeIDs(next2, 2)...)
		reset1()
		if got := next2(); got != "id-4" {
			// The blame goes to reset only when the second sequence had
			// counted right up to it.
			if testEqualIDs(seen, []string{"id-1", "id-2", "id-3"}) {
				t.Errorf(`reset of the first sequence changed the second one: the second's next = %q before the reset, %q after it, want "id-4"`, seen, got)
			} else {
				t.Errorf(`second sequence "id": three calls of next = %q, then after a reset of the first sequence next = %q, want "id-4"`, seen, got)
			}
		}
		if got := next1(); got != "id-1" {
			t.Errorf(`first sequence after its reset = %q, want "id-1"`, got)
		}
	})
}
