// ANCHOR: unix
//go:build unix

package platform

import (
	"os"
	"os/signal"
	"syscall"
)

// NotifyReload sends SIGUSR2 to c: "reload your configuration" (kill
// -USR2 <pid>). Only Unix systems have that signal.
func NotifyReload(c chan<- os.Signal) {
	signal.Notify(c, syscall.SIGUSR2)
}

// ANCHOR_END: unix
