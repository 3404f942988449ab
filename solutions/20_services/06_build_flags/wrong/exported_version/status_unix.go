//go:build unix

package main

import (
	"os"
	"os/signal"
	"syscall"
)

// notifyStatus sends SIGUSR1 to c. Only Unix systems have that signal.
func notifyStatus(c chan<- os.Signal) {
	signal.Notify(c, syscall.SIGUSR1)
}
