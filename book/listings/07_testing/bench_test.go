package testdemo

import (
	"strconv"
	"strings"
	"testing"
)

// words returns n short words, built once per benchmark.
func words(n int) []string {
	w := make([]string, n)
	for i := range w {
		w[i] = "word" + strconv.Itoa(i)
	}
	return w
}

// ANCHOR: bench
// concat joins words with += : every step copies everything so far.
func concat(words []string) string {
	s := ""
	for _, w := range words {
		s += w + " "
	}
	return s
}

// build joins words with a strings.Builder, sized once.
func build(words []string) string {
	n := 0
	for _, w := range words {
		n += len(w) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for _, w := range words {
		b.WriteString(w)
		b.WriteByte(' ')
	}
	return b.String()
}

func BenchmarkConcat(b *testing.B) {
	ws := words(1000) // setup: not measured, b.Loop starts the clock
	b.ReportAllocs()
	for b.Loop() {
		concat(ws)
	}
}

func BenchmarkBuild(b *testing.B) {
	ws := words(1000)
	b.ReportAllocs()
	for b.Loop() {
		build(ws)
	}
}

// A benchmark measures; a test checks. Both versions must agree.
func TestBuildMatchesConcat(t *testing.T) {
	for _, n := range []int{0, 1, 1000} {
		if a, b := concat(words(n)), build(words(n)); a != b {
			t.Errorf("%d words: build = %.30q…, concat = %.30q…", n, b, a)
		}
	}
}

// ANCHOR_END: bench
