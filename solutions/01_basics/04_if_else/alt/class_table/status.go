// Alternative: a valid helper guards the range, then a slice indexed by the
// first digit gives the name.
package status

var names = []string{"informational", "success", "redirection", "client error", "server error"}

// Class returns the class of an HTTP status code:
//
//	100–199  "informational"
//	200–299  "success"
//	300–399  "redirection"
//	400–499  "client error"
//	500–599  "server error"
//
// and "invalid" for every other number.
func Class(code int) string {
	if !valid(code) {
		return "invalid"
	}
	return names[code/100-1]
}

func valid(code int) bool {
	return 100 <= code && code <= 599
}
