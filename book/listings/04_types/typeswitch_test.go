package types

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
)

// ANCHOR: assertion
func Example_typeAssertion() {
	var v any = "hello"

	s, ok := v.(string) // ok reports whether v holds a string
	fmt.Println(s, ok)

	n, ok := v.(int) // not an int: n is 0, ok is false, no panic
	fmt.Println(n, ok)

	_, isStringer := v.(fmt.Stringer) // interfaces work too
	fmt.Println(isStringer)
	// Output:
	// hello true
	// 0 false
	// false
}

// ANCHOR_END: assertion

// ANCHOR: switch
// kind names the JSON type of a value that encoding/json decoded into an
// any: numbers are float64, arrays []any, objects map[string]any.
func kind(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		return fmt.Sprintf("number %g", x) // x is a float64 here
	case string:
		return fmt.Sprintf("string of %d bytes", len(x))
	case []any:
		return fmt.Sprintf("array of %d", len(x))
	case map[string]any:
		return fmt.Sprintf("object with %d keys", len(x))
	default:
		return fmt.Sprintf("unexpected %T", x)
	}
}

func Example_kind() {
	var doc map[string]any
	json.Unmarshal([]byte(`{"id": 7, "name": "Ada", "tags": ["a", "b"],
		"boss": null, "admin": true, "home": {}}`), &doc)
	for _, k := range slices.Sorted(maps.Keys(doc)) {
		fmt.Printf("%s: %s\n", k, kind(doc[k]))
	}
	fmt.Println(kind(42)) // an int never comes out of encoding/json
	// Output:
	// admin: boolean
	// boss: null
	// home: object with 0 keys
	// id: number 7
	// name: string of 3 bytes
	// tags: array of 2
	// unexpected int
}

// ANCHOR_END: switch
