// Alternative: a tagless switch over ranges instead of if/else if.
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
	switch {
	case code >= 100 && code < 200:
		return "informational"
	case code >= 200 && code < 300:
		return "success"
	case code >= 300 && code < 400:
		return "redirection"
	case code >= 400 && code < 500:
		return "client error"
	case code >= 500 && code < 600:
		return "server error"
	default:
		return "invalid"
	}
}
