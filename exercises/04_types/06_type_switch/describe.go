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
	// TODO: a type switch, switch x := v.(type) { case ...: }, with one case
	// for each rule above.
	return fmt.Sprintf("other %T", v)
}
