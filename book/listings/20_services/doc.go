// Package services holds the code of the book's chapter 20, Project layout
// and services.
package services
