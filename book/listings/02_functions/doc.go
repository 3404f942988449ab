// Package functions holds the code shown in the chapter "Functions" of the
// book. Every example is an Example function whose output go test checks.
package functions
