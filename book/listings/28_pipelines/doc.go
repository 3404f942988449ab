// Package pipelines holds the code of the book's chapter 28, Data pipelines.
package pipelines
