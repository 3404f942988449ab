package main

import (
	"encoding/json"
	"math"
	"net/http/httptest"
	"runtime/debug"
	"strings"
	"testing"
)

// testKeepLimit puts the process's memory limit back as it was when the test
// ends, and starts the test from a known limit.
func testKeepLimit(t *testing.T, start int64) {
	t.Helper()
	before := debug.SetMemoryLimit(start)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"512MiB", 512 << 20},
		{"1GiB", 1 << 30},
		{"64KiB", 64 << 10},
		{"2TiB", 2 << 40},
		{"1048576", 1048576},
		{"1048576B", 1048576},
		{"750000000", 750000000},
		{"off", math.MaxInt64},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d, nil", tt.in, got, err, tt.want)
		}
	}
}

func TestParseSizeRejects(t *testing.T) {
	tests := []struct{ in, why string }{
		{"", "empty"},
		{"512MB", "MB is not a GOMEMLIMIT unit: it uses powers of 1024, MiB"},
		{"1G", "G is not a unit"},
		{"512mib", "the units are case-sensitive"},
		{"512 MiB", "no space before the unit"},
		{"1.5GiB", "a whole number"},
		{"-1GiB", "negative"},
		{"0", "a limit of zero bytes"},
		{"MiB", "no number"},
		{"lots", "not a size"},
		{"9999999999TiB", "more bytes than an int64 holds"},
		{"99999999999999999999", "more bytes than an int64 holds"},
	}
	for _, tt := range tests {
		if got, err := ParseSize(tt.in); err == nil {
			t.Errorf("ParseSize(%q) = %d and no error, want an error (%s)", tt.in, got, tt.why)
		}
	}
}

func TestLimitFromEnv(t *testing.T) {
	testKeepLimit(t, math.MaxInt64)
	t.Setenv("MEMORY_LIMIT", "512MiB")
	got, err := LimitFromEnv()
	if err != nil || got != 512<<20 {
		t.Errorf("LimitFromEnv() with MEMORY_LIMIT=512MiB = %d, %v; want %d, nil", got, err, int64(512<<20))
	}
	if now := debug.SetMemoryLimit(-1); now != 512<<20 {
		t.Errorf("after LimitFromEnv() with MEMORY_LIMIT=512MiB, the runtime's limit is %d, want %d: give it to debug.SetMemoryLimit", now, int64(512<<20))
	}
}

func TestEmptyLimitChangesNothing(t *testing.T) {
	testKeepLimit(t, 3<<30) // as if GOMEMLIMIT=3GiB had been set at startup
	t.Setenv("MEMORY_LIMIT", "")
	got, err := LimitFromEnv()
	if err != nil || got != 3<<30 {
		t.Errorf("LimitFromEnv() with MEMORY_LIMIT empty, the runtime's limit 3GiB (from GOMEMLIMIT) = %d, %v; want %d, nil: the limit in effect", got, err, int64(3<<30))
	}
	if now := debug.SetMemoryLimit(-1); now != 3<<30 {
		t.Errorf("LimitFromEnv() with MEMORY_LIMIT empty changed the runtime's limit from 3GiB to %d: leave it alone (GOMEMLIMIT may have set it)", now)
	}
}

func TestInvalidLimitChangesNothing(t *testing.T) {
	testKeepLimit(t, 3<<30)
	t.Setenv("MEMORY_LIMIT", "512MB")
	_, err := LimitFromEnv()
	if err == nil {
		t.Fatalf("LimitFromEnv() with MEMORY_LIMIT=512MB: no error, want one (MB is not a GOMEMLIMIT unit)")
	}
	if !strings.Contains(err.Error(), "MEMORY_LIMIT") {
		t.Errorf("LimitFromEnv() with MEMORY_LIMIT=512MB: error %q does not name MEMORY_LIMIT", err)
	}
	if now := debug.SetMemoryLimit(-1); now != 3<<30 {
		t.Errorf("LimitFromEnv() with MEMORY_LIMIT=512MB changed the runtime's limit from 3GiB to %d: an invalid value must change nothing", now)
	}
}

func TestRuntimeEndpoint(t *testing.T) {
	testKeepLimit(t, math.MaxInt64)
	t.Setenv("MEMORY_LIMIT", "256MiB")
	if _, err := LimitFromEnv(); err != nil {
		t.Fatalf("LimitFromEnv() with MEMORY_LIMIT=256MiB: %v", err)
	}
	rec := httptest.NewRecorder()
	runtimeInfo(rec, httptest.NewRequest("GET", "/debug/runtime", nil))
	var got map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatalf("GET /debug/runtime: %q is not JSON", rec.Body.String())
	}
	if got["memory_limit_bytes"] != float64(256<<20) {
		t.Errorf("GET /debug/runtime after MEMORY_LIMIT=256MiB: memory_limit_bytes = %v, want %d", got["memory_limit_bytes"], 256<<20)
	}
}
