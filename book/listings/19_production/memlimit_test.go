package production

import (
	"fmt"
	"math"
	"runtime/debug"
	"strconv"
	"strings"
)

// ANCHOR: memlimit
func Example_memoryLimit() {
	before := debug.SetMemoryLimit(-1) // a negative limit only reads it
	fmt.Println("no limit:", before == math.MaxInt64)

	prev := debug.SetMemoryLimit(900 << 20) // 900 MiB, like GOMEMLIMIT=900MiB
	fmt.Println("now:", debug.SetMemoryLimit(-1)>>20, "MiB")

	debug.SetMemoryLimit(prev) // put it back
	// Output:
	// no limit: true
	// now: 900 MiB
}

// ANCHOR_END: memlimit

// ANCHOR: cgroup
// containerLimit reads a cgroup v2 memory.max file (in a container:
// /sys/fs/cgroup/memory.max): a number of bytes, or "max" for none.
func containerLimit(content string) (int64, bool) {
	s := strings.TrimSpace(content)
	if s == "max" {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && n > 0
}

func Example_cgroup() {
	if n, ok := containerLimit("1073741824\n"); ok {
		// 90%: room for what the GC does not count.
		fmt.Println("soft limit:", n*9/10>>20, "MiB")
	}
	_, ok := containerLimit("max\n")
	fmt.Println("limited:", ok)
	// Output:
	// soft limit: 921 MiB
	// limited: false
}

// ANCHOR_END: cgroup
