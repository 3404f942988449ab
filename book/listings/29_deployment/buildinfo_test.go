package deployment

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// ANCHOR: version
// describe says which build this is, in one line: the module version, the
// commit, whether the tree had changes, and the Go version.
func describe(bi *debug.BuildInfo, ok bool) string {
	if !ok {
		return "unknown build (no build information)"
	}
	rev, dirty := "unknown", ""
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	return fmt.Sprintf("%s (%s%s, %s)", bi.Main.Version, rev, dirty, bi.GoVersion)
}

// ANCHOR_END: version

func Example_describe() {
	bi := &debug.BuildInfo{
		GoVersion: "go1.25.4",
		Main:      debug.Module{Path: "example.com/shop", Version: "v1.8.0"},
		Settings: []debug.BuildSetting{
			{Key: "-trimpath", Value: "true"},
			{Key: "vcs.revision", Value: "9c1e2f0"},
			{Key: "vcs.modified", Value: "false"},
		},
	}
	fmt.Println(describe(bi, true))
	fmt.Println(describe(nil, false))
	real := describe(debug.ReadBuildInfo())
	fmt.Println(strings.Contains(real, "go1."))
	// Output:
	// v1.8.0 (9c1e2f0, go1.25.4)
	// unknown build (no build information)
	// true
}
