// Wrong: the variable is Version, so -X main.version=… sets nothing.
// Build flags and cross-compilation. A release is built with its version
// stamped in, and for the machines it runs on:
//
//	go build -ldflags "-X main.version=1.4.2" -o notes-worker .
//	GOOS=linux GOARCH=arm64 go build -o notes-worker-arm64 .
//	GOOS=windows GOARCH=amd64 go build -o notes-worker.exe .
//
// Neither works yet. -X sets a package-level string variable, and quietly
// does nothing to a constant. And SIGUSR1 does not exist on Windows, so the
// Windows build fails: move the SIGUSR1 code into a file only Unix builds
// compile (//go:build unix), with a stand-in for the others (!unix).
// `notes-worker --version` prints "notes-worker VERSION GOOS/GOARCH".
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"syscall"
)

// version is "dev" unless the build sets it: go build -ldflags "-X
// main.version=1.4.2". It must be a variable for that.
var Version = "dev"

func main() {
	showVersion := flag.Bool("version", false, "print the version and exit")
	flag.Parse()
	if *showVersion {
		fmt.Printf("notes-worker %s %s/%s\n", Version, runtime.GOOS, runtime.GOARCH)
		return
	}

	// kill -USR1 <pid> prints how the worker is doing, without stopping it.
	// (On systems without SIGUSR1, notifyStatus does nothing.)
	status := make(chan os.Signal, 1)
	notifyStatus(status)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)

	fmt.Printf("notes-worker %s running; Ctrl-C to stop\n", Version)
	for {
		select {
		case <-status:
			fmt.Printf("goroutines: %d\n", runtime.NumGoroutine())
		case <-stop:
			fmt.Println("stopped")
			return
		}
	}
}
