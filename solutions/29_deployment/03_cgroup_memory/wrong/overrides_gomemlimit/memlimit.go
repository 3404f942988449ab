// Wrong: applies the cgroup limit even when GOMEMLIMIT is set, overriding
// the operator's choice.
// A memory limit that follows the container's. Write FromCgroup: read the
// container's memory limit from path (a cgroup v2 memory.max file, in a
// container /sys/fs/cgroup/memory.max, which holds a number of bytes and a
// newline, or "max" for no limit) and give the Go runtime a soft memory
// limit of 90% of it, rounded down, with debug.SetMemoryLimit, leaving
// room for what the collector does not count (stacks of new goroutines,
// cgo, the kernel's buffers). Change nothing when GOMEMLIMIT is set in the
// environment (getenv("GOMEMLIMIT") is not empty: the operator chose, and
// the runtime already applied it), when the file holds "max", or when it
// does not exist (no cgroup v2 here). Any other content, or any other read
// error, is an error that names the path, and changes nothing either.
// FromCgroup returns the limit in effect when it returns (what
// debug.SetMemoryLimit(-1) reports). The hidden tests write fake cgroup
// files in a temporary directory and pass when every case comes out right.
package memlimit

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// FromCgroup sets the soft memory limit to 90% of the cgroup's limit in
// path and returns the limit in effect.
func FromCgroup(path string, getenv func(string) string) (int64, error) {
	current := debug.SetMemoryLimit(-1)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return current, nil
	}
	if err != nil {
		return current, err // the *PathError names the path
	}
	s := strings.TrimSpace(string(data))
	if s == "max" {
		return current, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return current, fmt.Errorf("%s: %q is not a memory limit", path, s)
	}
	limit := n/10*9 + n%10*9/10 // 90%, without overflowing for huge n
	debug.SetMemoryLimit(limit)
	return limit, nil
}
