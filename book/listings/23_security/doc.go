// Package security holds the code of the book's chapter 23, Security.
package security
