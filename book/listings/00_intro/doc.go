// Package intro holds the code shown in the book's chapter 00: each
// Example's output is checked by go test, so the book cannot drift from Go.
package intro
