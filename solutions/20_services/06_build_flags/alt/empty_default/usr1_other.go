// No SIGUSR1 outside Unix: nothing to watch.
//go:build !unix

package main

import "os"

func watchStatus(chan<- os.Signal) {}
