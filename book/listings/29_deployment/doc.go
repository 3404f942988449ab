// Package deployment holds the code of the book's chapter 29, Deployment.
package deployment
