// Package platform shows a function with one implementation per family of
// operating systems, chosen by build constraints.
package platform
