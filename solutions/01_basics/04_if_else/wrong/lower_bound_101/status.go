// Wrong: an off-by-one lower bound rejects 100 (Continue).
package status

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
	if code <= 100 || code > 599 {
		return "invalid"
	}
	if class := code / 100; class == 1 {
		return "informational"
	} else if class == 2 {
		return "success"
	} else if class == 3 {
		return "redirection"
	} else if class == 4 {
		return "client error"
	} else {
		return "server error"
	}
}
