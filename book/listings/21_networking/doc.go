// Package networking holds the code of the book's chapter 21, Networking.
package networking
