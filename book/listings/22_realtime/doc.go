// Package realtime holds the code of the book's chapter 22, Real-time:
// server-sent events and WebSockets.
package realtime
