// Unix only: SIGUSR1 exists here.
//go:build unix

package main

import (
	"os"
	"os/signal"
	"syscall"
)

// statusSignals returns a channel that receives SIGUSR1.
func statusSignals() <-chan os.Signal {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR1)
	return c
}
