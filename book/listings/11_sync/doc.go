// Package syncdemo holds the code shown in the chapter on the sync package:
// every example here is compiled and run by go test, so the book cannot
// drift from what Go does.
package syncdemo
