// ANCHOR: other
//go:build !unix

package platform

import "os"

// NotifyReload does nothing where there is no SIGUSR2.
func NotifyReload(c chan<- os.Signal) {}

// ANCHOR_END: other
