// Package status sorts HTTP status codes into their classes.
//
// Write Class with if, else if and else. Try an if with an init statement,
// which computes a value just for the if and its else branches:
// if class := code / 100; class == 2 { ... }
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
	return "" // TODO
}
