// Package selecting holds the code shown in the chapter on select.
package selecting
