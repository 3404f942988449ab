// Command version prints how it was built.
package main

// ANCHOR: version
import (
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set at build time: go build -ldflags "-X main.version=1.4.2".
// It must be a variable; -X ignores constants.
var version = "dev"

func main() {
	showVersion := flag.Bool("version", false, "print the version and exit")
	flag.Parse()
	if *showVersion {
		fmt.Printf("notes %s (%s, %s/%s)\n",
			version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
		// The go command also records the commit it built from, when the
		// source is a git checkout (and -buildvcs is not false).
		if info, ok := debug.ReadBuildInfo(); ok {
			for _, s := range info.Settings {
				if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
					fmt.Printf("%s=%s\n", s.Key, s.Value)
				}
			}
		}
	}
}

// ANCHOR_END: version
