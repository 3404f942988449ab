// Package channels holds the code shown in the chapter on channels.
package channels
