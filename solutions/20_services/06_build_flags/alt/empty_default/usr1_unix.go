// SIGUSR1 asks for the status on Unix systems.
//go:build unix

package main

import (
	"os"
	"os/signal"
	"syscall"
)

func watchStatus(c chan<- os.Signal) { signal.Notify(c, syscall.SIGUSR1) }
