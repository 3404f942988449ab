// Package background holds the code of the book's chapter 25, Background
// work and messaging: every example here is compiled and run by go test.
package background
