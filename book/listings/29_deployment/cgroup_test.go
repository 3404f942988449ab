package deployment

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ANCHOR: cpumax
// cpuLimit reads a cgroup v2 cpu.max file, "QUOTA PERIOD" in microseconds
// or "max PERIOD" for no limit, and returns the number of CPUs it allows.
func cpuLimit(path string) (float64, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	f := strings.Fields(string(data))
	if len(f) != 2 {
		return 0, fmt.Errorf("%s: %q is not QUOTA PERIOD", path, data)
	}
	if f[0] == "max" {
		return math.Inf(1), nil
	}
	quota, err1 := strconv.ParseFloat(f[0], 64)
	period, err2 := strconv.ParseFloat(f[1], 64)
	if err1 != nil || err2 != nil || quota <= 0 || period <= 0 {
		return 0, fmt.Errorf("%s: %q is not QUOTA PERIOD", path, data)
	}
	return quota / period, nil
}

// ANCHOR_END: cpumax

func Example_cpuLimit() {
	dir, _ := os.MkdirTemp("", "cgroup")
	defer os.RemoveAll(dir)
	for _, content := range []string{"150000 100000\n", "max 100000\n"} {
		path := filepath.Join(dir, "cpu.max")
		os.WriteFile(path, []byte(content), 0o644)
		fmt.Println(cpuLimit(path))
	}
	// Output:
	// 1.5 <nil>
	// +Inf <nil>
}
