package status

import "testing"

// Each subtest reports the first code of its group that comes out wrong.
func testCheckCodes(t *testing.T, codes []int, want string) {
	t.Helper()
	for _, code := range codes {
		if got := Class(code); got != want {
			t.Errorf("Class(%d) = %q, want %q", code, got, want)
			return
		}
	}
}

func TestClass(t *testing.T) {
	cases := []struct {
		want  string
		codes []int // the lowest, typical and the highest codes of the class
	}{
		{"informational", []int{100, 101, 199}},
		{"success", []int{200, 204, 299}},
		{"redirection", []int{300, 301, 399}},
		{"client error", []int{400, 404, 499}},
		{"server error", []int{500, 503, 599}},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			testCheckCodes(t, c.codes, c.want)
		})
	}
}

func TestClassInvalid(t *testing.T) {
	t.Run("below 100", func(t *testing.T) {
		testCheckCodes(t, []int{99, 0, -1, -99, -100, -200, -404}, "invalid")
	})
	t.Run("above 599", func(t *testing.T) {
		testCheckCodes(t, []int{600, 601, 999, 1000, 2000}, "invalid")
	})
}
