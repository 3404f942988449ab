package testdemo

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// ANCHOR: helper
// writeConfig writes content to a file in a fresh temporary directory and
// returns the file's path. The testing package removes the directory when
// the test ends.
func writeConfig(t *testing.T, content string) string {
	t.Helper() // a failure here is reported at the caller's line
	path := filepath.Join(t.TempDir(), "app.conf")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatalf("writing %s: %v", path, err)
	}
	return path
}

func TestLoadConfig(t *testing.T) {
	path := writeConfig(t, "# comment\nport = 8080\n\nhost=localhost\n")
	cfg, err := LoadConfig(path)
	if err != nil {
		t.Fatalf("LoadConfig: %v", err)
	}
	if cfg["port"] != "8080" || cfg["host"] != "localhost" || len(cfg) != 2 {
		t.Errorf("LoadConfig = %v, want port 8080 and host localhost", cfg)
	}
}

func TestLoadConfigBadLine(t *testing.T) {
	path := writeConfig(t, "port 8080\n")
	if _, err := LoadConfig(path); err == nil {
		t.Error("LoadConfig accepted a line without '='")
	}
}

// ANCHOR_END: helper

// ANCHOR: cleanup
// setNow makes the package's clock return fixed until the test ends.
func setNow(t *testing.T, fixed time.Time) {
	t.Helper()
	old := now
	now = func() time.Time { return fixed }
	t.Cleanup(func() { now = old }) // runs when the test (and its subtests) end
}

func TestGreeting(t *testing.T) {
	setNow(t, time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC))
	if got := Greeting(); got != "Good morning" {
		t.Errorf("Greeting() at 9:00 = %q, want %q", got, "Good morning")
	}
}

// ANCHOR_END: cleanup
