// Package patterns holds the code shown in the chapter on concurrency
// patterns: every example here is compiled and run by go test.
package patterns
