//go:build !unix

package main

import "os"

// notifyStatus does nothing: this system (Windows, say) has no SIGUSR1.
func notifyStatus(c chan<- os.Signal) {}
