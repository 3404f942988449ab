// Package goroutines holds the code shown in the chapter on goroutines.
package goroutines
