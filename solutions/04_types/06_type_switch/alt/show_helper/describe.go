// Alternative: a type switch with one case per integer type, strconv for
// the texts, and a helper named show for the fallback.
package inspect

import (
	"fmt"
	"reflect"
	"strconv"
)

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
	case int:
		return "integer " + strconv.Itoa(x)
	case int64:
		return "integer " + strconv.FormatInt(x, 10)
	case string:
		return "string " + strconv.Quote(x)
	case bool:
		return "bool " + strconv.FormatBool(x)
	case error:
		return "error: " + x.Error()
	case fmt.Stringer:
		return "stringer: " + x.String()
	}
	return show(v)
}

func show(v any) string {
	return "other " + reflect.TypeOf(v).String()
}
