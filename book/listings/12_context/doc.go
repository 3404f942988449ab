// Package ctxdemo holds the code shown in the chapter on the context
// package: every example here is compiled and run by go test.
package ctxdemo
