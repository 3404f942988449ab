// Systems without SIGUSR1 (Windows, Plan 9, js, wasip1).
//go:build !unix

package main

import "os"

// statusSignals returns nil: no signal asks for the status here.
func statusSignals() <-chan os.Signal { return nil }
