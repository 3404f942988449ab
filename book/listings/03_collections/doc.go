// Package collections holds the code shown in the chapter "Collections" of
// the book. Every example is an Example function whose output go test
// checks.
package collections
