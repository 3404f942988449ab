package perf

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// ANCHOR: placeholders
// placeholders returns "$1, $2, …, $n", for a query with n arguments.
func placeholders(n int) string {
	var b strings.Builder
	b.Grow(n * 8) // "$99999, " is 8 bytes: one allocation up to n = 99999
	var digits [20]byte
	for i := 1; i <= n; i++ {
		if i > 1 {
			b.WriteString(", ")
		}
		b.WriteByte('$')
		// strconv.Itoa would allocate a string per number; AppendInt
		// writes the digits into a small array on the stack instead.
		b.Write(strconv.AppendInt(digits[:0], int64(i), 10))
	}
	return b.String()
}

// placeholdersSlow is the obvious version.
func placeholdersSlow(n int) string {
	s := ""
	for i := 1; i <= n; i++ {
		if i > 1 {
			s += ", "
		}
		s += "$" + strconv.Itoa(i)
	}
	return s
}

// ANCHOR_END: placeholders

// ANCHOR: bench
func BenchmarkPlaceholders(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				placeholders(n)
			}
		})
		b.Run(fmt.Sprint("slow/n=", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				placeholdersSlow(n)
			}
		})
	}
}

// ANCHOR_END: bench

// ANCHOR: budget
// A test, not a benchmark: it runs with every go test, and fails the day
// someone makes placeholders allocate again.
func TestPlaceholdersAllocations(t *testing.T) {
	if got, want := placeholders(3), "$1, $2, $3"; got != want {
		t.Fatalf("placeholders(3) = %q, want %q", got, want)
	}
	allocs := testing.AllocsPerRun(100, func() { placeholders(500) })
	if allocs > 1 {
		t.Errorf("placeholders(500) makes %.0f allocations, want 1", allocs)
	}
}

// ANCHOR_END: budget

func TestPlaceholdersSame(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 999, 1000, 2000} {
		if a, b := placeholders(n), placeholdersSlow(n); a != b {
			t.Errorf("placeholders(%d) = %.20q…, want %.20q…", n, a, b)
		}
	}
}
