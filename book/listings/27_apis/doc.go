// Package apis holds the code of the book's chapter 27, APIs between
// services.
package apis
