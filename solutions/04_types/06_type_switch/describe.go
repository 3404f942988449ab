// Exercise: type switches.
//
// Describe gets values of any type (from a decoded message, a log call, a
// queue) and must say what each one is. Write it with a type switch, by the
// rules below.
package inspect

import "fmt"

// Describe returns a short description of v, by its dynamic type:
//
//	nil (v holds nothing at all)  "nil"
//	int or int64                  "integer 42"
//	string                        `string "hi"` (quoted as %q does)
//	bool                          "bool true"
//	error                         "error: " + its Error()
//	fmt.Stringer                  "stringer: " + its String()
//	anything else                 "other " + its type as %T prints it,
//	                              such as "other float64" or "other []int"
//
// A value that is both an error and a fmt.Stringer is described as an
// error. Other integer types, such as int32, are "anything else".
func Describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		// With two types in one case, x keeps the type of v: any.
		return fmt.Sprintf("integer %d", x)
	case string:
		return fmt.Sprintf("string %q", x)
	case bool:
		return fmt.Sprintf("bool %t", x)
	case error: // before fmt.Stringer: the first matching case wins
		return "error: " + x.Error()
	case fmt.Stringer:
		return "stringer: " + x.String()
	default:
		return fmt.Sprintf("other %T", x)
	}
}
