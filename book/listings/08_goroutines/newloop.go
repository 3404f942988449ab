package goroutines

// ANCHOR: new
// CaptureNew is the same loop in a file with the module's Go version (1.22
// or later): every iteration has its own i.
func CaptureNew() []int {
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

// ANCHOR_END: new
