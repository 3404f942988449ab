// Write a table-driven test for Parse: a slice of cases, one t.Run subtest
// per case, named after what it checks. Cover every unit, upper and lower
// case, and each kind of error. Your tests must pass on this Parse and fail
// on hidden broken versions of it.
package size

import "testing"

// TODO: one case is not a test suite. Turn this into a table of cases
// (input, the number of bytes or an error) and run each with t.Run.
func TestParse(t *testing.T) {
	got, err := Parse("2KB")
	if err != nil || got != 2048 {
		t.Errorf("Parse(%q) = %d, %v; want 2048, nil", "2KB", got, err)
	}
}
