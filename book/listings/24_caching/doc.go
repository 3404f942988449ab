// Package caching holds the code of the book's chapter 24, Caching.
package caching
