// Alternative: a chain of comma-ok type assertions instead of a type switch.
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
	if v == nil {
		return "nil"
	}
	if n, ok := v.(int); ok {
		return fmt.Sprintf("integer %d", n)
	}
	if n, ok := v.(int64); ok {
		return fmt.Sprintf("integer %d", n)
	}
	if s, ok := v.(string); ok {
		return fmt.Sprintf("string %q", s)
	}
	if b, ok := v.(bool); ok {
		return fmt.Sprintf("bool %t", b)
	}
	if err, ok := v.(error); ok {
		return "error: " + err.Error()
	}
	if s, ok := v.(fmt.Stringer); ok {
		return "stringer: " + s.String()
	}
	return fmt.Sprintf("other %T", v)
}
