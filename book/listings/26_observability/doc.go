// Package observability holds the code of the book's chapter 26,
// Observability: tracing, runtime metrics, profiling.
package observability
