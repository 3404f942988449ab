package total

import (
	"fmt"
	"strings"
	"testing"
)

// testNoPanic runs f and turns a panic into a test failure that names the call.
func testNoPanic(t *testing.T, call string, f func()) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%s panicked: %v", call, r)
		}
	}()
	f()
}

func TestSum(t *testing.T) {
	cases := []struct {
		name string
		in   []int
		want int
	}{
		{"no arguments", nil, 0},
		{"one", []int{7}, 7},
		{"several", []int{1, 2, 3, 4}, 10},
		{"negative", []int{-5, 2}, -3},
		{"zeros", []int{0, 0, 0}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			call := "Sum(" + strings.Trim(fmt.Sprint(c.in), "[]") + ")"
			call = strings.ReplaceAll(call, " ", ", ")
			var got int
			testNoPanic(t, call, func() { got = Sum(c.in...) })
			if got != c.want {
				t.Errorf("%s = %d, want %d", call, got, c.want)
			}
		})
	}
	t.Run("literal arguments", func(t *testing.T) {
		var got int
		testNoPanic(t, "Sum()", func() { got = Sum() })
		if got != 0 {
			t.Errorf("Sum() = %d, want 0", got)
		}
		if got := Sum(1, 2); got != 3 {
			t.Errorf("Sum(1, 2) = %d, want 3", got)
		}
	})
}

func TestCartTotal(t *testing.T) {
	cases := []struct {
		name string
		in   []int
		want int
	}{
		{"nil cart", nil, 0},
		{"empty cart", []int{}, 0},
		{"one item", []int{1999}, 1999},
		{"three items", []int{500, 250, 1250}, 2000},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			call := fmt.Sprintf("CartTotal(%#v)", c.in)
			var got int
			testNoPanic(t, call, func() { got = CartTotal(c.in) })
			if got != c.want {
				t.Errorf("%s = %d, want %d", call, got, c.want)
			}
		})
	}
	t.Run("leaves the cart alone", func(t *testing.T) {
		prices := []int{3, 1, 2}
		CartTotal(prices)
		if prices[0] != 3 || prices[1] != 1 || prices[2] != 2 {
			t.Errorf("CartTotal changed its argument to %v; want [3 1 2]", prices)
		}
	})
}

func TestJoin(t *testing.T) {
	cases := []struct {
		name  string
		sep   string
		parts []string
		want  string
	}{
		{"no parts", ", ", nil, ""},
		{"one part", ", ", []string{"a"}, "a"},
		{"two parts", ", ", []string{"a", "b"}, "a, b"},
		{"path", "/", []string{"api", "v1", "users"}, "api/v1/users"},
		{"empty separator", "", []string{"x", "y", "z"}, "xyz"},
		{"empty parts kept", "-", []string{"", "b", ""}, "-b-"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			call := fmt.Sprintf("Join(%q, %q...)", c.sep, c.parts)
			var got string
			testNoPanic(t, call, func() { got = Join(c.sep, c.parts...) })
			if got != c.want {
				t.Errorf("%s = %q, want %q", call, got, c.want)
			}
		})
	}
}
