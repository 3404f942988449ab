// Leaves version empty (the default "dev" is chosen at run time) and watches SIGUSR1 through a function with per-system files.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"syscall"
)

// version is empty unless the linker sets it with -X main.version=….
var version string

func config() string {
	if version == "" {
		return "dev"
	}
	return version
}

func main() {
	showVersion := flag.Bool("version", false, "print the version and exit")
	flag.Parse()
	if *showVersion {
		fmt.Printf("notes-worker %s %s/%s\n", config(), runtime.GOOS, runtime.GOARCH)
		return
	}

	// kill -USR1 <pid> prints how the worker is doing, without stopping it.
	status := make(chan os.Signal, 1)
	watchStatus(status)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)

	fmt.Printf("notes-worker %s running; Ctrl-C to stop\n", config())
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
