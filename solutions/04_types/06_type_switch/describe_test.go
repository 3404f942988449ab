package inspect

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

// testStatus is a fmt.Stringer.
type testStatus int

func (s testStatus) String() string { return fmt.Sprintf("status-%d", int(s)) }

// testCodedError is both an error and a fmt.Stringer.
type testCodedError struct{ code int }

func (e testCodedError) Error() string  { return fmt.Sprintf("failed with code %d", e.code) }
func (e testCodedError) String() string { return fmt.Sprintf("code %d", e.code) }

func TestDescribe(t *testing.T) {
	var nilPointer *int
	cases := []struct {
		expr string // how the tests wrote the value
		in   any
		want string
		why  string // said after a failure, when the case has a catch
	}{
		{"nil", nil, "nil", ""},
		{"42", 42, "integer 42", ""},
		{"int64(-7)", int64(-7), "integer -7", ""},
		{`"hi"`, "hi", `string "hi"`, ""},
		{`""`, "", `string ""`, ""},
		{`"a\tb"`, "a\tb", `string "a\tb"`, ""},
		{"true", true, "bool true", ""},
		{"false", false, "bool false", ""},
		{`errors.New("disk full")`, errors.New("disk full"), "error: disk full", ""},
		{`fmt.Errorf("save: %w", errors.New("disk full"))`, fmt.Errorf("save: %w", errors.New("disk full")), "error: save: disk full", ""},
		{"codedError{503}", testCodedError{503}, "error: failed with code 503", "it is both an error and a fmt.Stringer"},
		{"status(3)", testStatus(3), "stringer: status-3", "status has a String method"},
		{"90 * time.Second", 90 * time.Second, "stringer: 1m30s", "time.Duration has a String method"},
		{"int32(5)", int32(5), "other int32", "only int and int64 are integers here"},
		{"2.5", 2.5, "other float64", ""},
		{"[]int{1, 2}", []int{1, 2}, "other []int", ""},
		{"map[string]int{}", map[string]int{}, "other map[string]int", ""},
		{"(*int)(nil)", nilPointer, "other *int", "an interface holding a nil pointer is not nil"},
	}
	for _, c := range cases {
		t.Run(c.expr, func(t *testing.T) {
			if got := Describe(c.in); got != c.want {
				msg := fmt.Sprintf("Describe(%s) = %#q, want %#q", c.expr, got, c.want)
				if c.why != "" {
					msg += " (" + c.why + ")"
				}
				t.Error(msg)
			}
		})
	}
}
