// This file is compiled with the loop rules of Go 1.21 (see the go:build
// line), to show how closures captured loop variables before Go 1.22.

//go:build go1.21

package goroutines

// ANCHOR: old
// CaptureOld collects one closure per iteration and calls them afterwards.
// Under Go 1.21 rules all three closures share the single variable i.
func CaptureOld() []int {
	var funcs []func() int
	for i := 0; i < 3; i++ {
		funcs = append(funcs, func() int { return i })
	}
	var out []int
	for _, f := range funcs {
		out = append(out, f())
	}
	return out
}

// ANCHOR_END: old
