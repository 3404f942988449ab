package memlimit

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// testStart is the limit every test starts from: not the default
// (math.MaxInt64), so that a change is always visible.
const testStart = 7 << 30

// testLimit starts the test from testStart and puts the process's limit
// back as it was when the test ends.
func testLimit(t *testing.T) {
	t.Helper()
	before := debug.SetMemoryLimit(testStart)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
}

// testCgroupFile writes content to a fake memory.max and returns its path.
func testCgroupFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "memory.max")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func testNoEnv(string) string { return "" }

func TestNinetyPercentOfTheLimit(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    int64
	}{
		{"512MiB", "536870912\n", 483183820},
		{"1GiB", "1073741824\n", 966367641},
		{"100000000 bytes", "100000000\n", 90000000},
		{"without a newline", "2147483648", 1932735283},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testLimit(t)
			path := testCgroupFile(t, tt.content)
			got, err := FromCgroup(path, testNoEnv)
			if err != nil {
				t.Fatalf("FromCgroup(memory.max = %q) = %d, %v; want %d, nil", tt.content, got, err, tt.want)
			}
			applied := debug.SetMemoryLimit(-1)
			if d := applied - tt.want; d < -1 || d > 1 {
				pct := float64(applied) / float64(tt.want) * 90
				t.Errorf("memory.max = %q: the runtime's limit is %d (%.1f%% of the container's), want %d (90%%)",
					tt.content, applied, pct, tt.want)
			}
			if got != applied {
				t.Errorf("FromCgroup(memory.max = %q) returned %d, but the limit in effect is %d",
					tt.content, got, applied)
			}
		})
	}
}

// testUnchanged checks that FromCgroup left the limit alone, returned it,
// and returned no error.
func testUnchanged(t *testing.T, what string, got int64, err error) {
	t.Helper()
	if err != nil {
		t.Errorf("FromCgroup(%s) error %v, want nil", what, err)
	}
	if applied := debug.SetMemoryLimit(-1); applied != testStart {
		t.Errorf("FromCgroup(%s) changed the limit from %d to %d, want it unchanged", what, int64(testStart), applied)
	}
	if got != testStart {
		t.Errorf("FromCgroup(%s) = %d, want the limit in effect, %d", what, got, int64(testStart))
	}
}

func TestMaxMeansNoLimit(t *testing.T) {
	for _, content := range []string{"max\n", "max"} {
		t.Run(testQuote(content), func(t *testing.T) {
			testLimit(t)
			got, err := FromCgroup(testCgroupFile(t, content), testNoEnv)
			testUnchanged(t, "memory.max = "+testQuote(content), got, err)
		})
	}
}

func TestExplicitGOMEMLIMITWins(t *testing.T) {
	testLimit(t)
	env := func(k string) string {
		if k == "GOMEMLIMIT" {
			return "400MiB"
		}
		return ""
	}
	got, err := FromCgroup(testCgroupFile(t, "536870912\n"), env)
	testUnchanged(t, `memory.max = "536870912\n", GOMEMLIMIT=400MiB`, got, err)
}

func TestNoCgroupFile(t *testing.T) {
	testLimit(t)
	path := filepath.Join(t.TempDir(), "no-such-dir", "memory.max")
	got, err := FromCgroup(path, testNoEnv)
	testUnchanged(t, "a memory.max that does not exist", got, err)
}

func TestRejectsWhatIsNotALimit(t *testing.T) {
	for _, content := range []string{"", "\n", "lots\n", "-1\n", "0\n", "1.5e9\n", "536870912 bytes\n"} {
		t.Run(testQuote(content), func(t *testing.T) {
			testLimit(t)
			path := testCgroupFile(t, content)
			got, err := FromCgroup(path, testNoEnv)
			if err == nil {
				t.Errorf("FromCgroup(memory.max = %q) = %d, nil; want an error", content, got)
			} else if !strings.Contains(err.Error(), path) {
				t.Errorf("FromCgroup(memory.max = %q) error %q does not name the file %s", content, err, path)
			}
			if applied := debug.SetMemoryLimit(-1); applied != testStart {
				t.Errorf("FromCgroup(memory.max = %q) changed the limit from %d to %d, want it unchanged",
					content, int64(testStart), applied)
			}
		})
	}
}

func testQuote(s string) string { return "\"" + strings.ReplaceAll(s, "\n", `\n`) + "\"" }
