// The Unix file returns a channel of SIGUSR1 signals; elsewhere a nil channel, which select never picks.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"syscall"
)

// version is set at link time: go build -ldflags "-X main.version=1.4.2".
var version = "dev"

func main() {
	showVersion := flag.Bool("version", false, "print the version and exit")
	flag.Parse()
	if *showVersion {
		fmt.Printf("notes-worker %s %s/%s\n", version, runtime.GOOS, runtime.GOARCH)
		return
	}

	// kill -USR1 <pid> prints how the worker is doing, without stopping it.
	// Where there is no SIGUSR1, status is nil and never ready.
	status := statusSignals()
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)

	fmt.Printf("notes-worker %s running; Ctrl-C to stop\n", version)
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
