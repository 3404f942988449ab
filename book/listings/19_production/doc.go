// Package production holds the code of the book's chapter 19, Production.
package production
