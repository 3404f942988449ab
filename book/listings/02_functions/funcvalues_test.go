package functions

import (
	"fmt"
	"strings"
	"unicode"
)

// ANCHOR: values
func Example_functionValues() {
	// A function is a value: store it in a variable, a slice or a map.
	var shout func(string) string = strings.ToUpper
	fmt.Println(shout("hello"))

	ops := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	fmt.Println(ops["add"](3, 4), ops["mul"](3, 4))

	// The zero value of a function type is nil; calling nil panics, so
	// check first. Function values can only be compared with nil.
	var hook func()
	if hook != nil {
		hook()
	}
	fmt.Println(hook == nil)
	// Output:
	// HELLO
	// 7 12
	// true
}

// ANCHOR_END: values

// ANCHOR: rules
// A Rule checks a password and reports a problem, or "" when it is fine.
type Rule func(password string) string

// minLength returns a Rule: a function made by a function, closing over n.
func minLength(n int) Rule {
	return func(p string) string {
		if len([]rune(p)) < n {
			return fmt.Sprintf("shorter than %d characters", n)
		}
		return ""
	}
}

func hasDigit(p string) string {
	if !strings.ContainsFunc(p, unicode.IsDigit) {
		return "no digit"
	}
	return ""
}

// check runs every rule (skipping nil ones) and collects the problems.
func check(p string, rules ...Rule) []string {
	var problems []string
	for _, rule := range rules {
		if rule == nil {
			continue
		}
		if msg := rule(p); msg != "" {
			problems = append(problems, msg)
		}
	}
	return problems
}

func Example_check() {
	rules := []Rule{minLength(8), hasDigit, nil}
	fmt.Println(check("secret", rules...))
	fmt.Println(check("s3cret-enough", rules...))
	// Output:
	// [shorter than 8 characters no digit]
	// []
}

// ANCHOR_END: rules

// ANCHOR: wrap
// logged takes a function and returns a new function that does the same
// thing and also reports the call: the shape of HTTP middleware.
func logged(name string, f func(int) int) func(int) int {
	return func(n int) int {
		result := f(n)
		fmt.Printf("%s(%d) = %d\n", name, n, result)
		return result
	}
}

func Example_logged() {
	square := logged("square", func(n int) int { return n * n })
	square(4)
	square(5)
	// Output:
	// square(4) = 16
	// square(5) = 25
}

// ANCHOR_END: wrap
