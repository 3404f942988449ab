// Wrong: checks for overflow after multiplying (a negative result), which misses products that wrap round to zero or above.
// A soft memory limit. Write ParseSize, which reads sizes the way
// GOMEMLIMIT does: a whole number of bytes above zero, with an optional
// unit B, KiB, MiB, GiB or TiB (powers of 1024: "512MiB", "1GiB",
// "1048576"), or "off" for no limit (math.MaxInt64); anything else is an
// error. Then LimitFromEnv: when MEMORY_LIMIT is set, parse it and give it
// to the runtime with debug.SetMemoryLimit; when it is empty, leave the
// limit as it is. It returns the limit in effect, and for an invalid value
// an error naming MEMORY_LIMIT, changing nothing. GET /debug/runtime
// reports the limit in effect.
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"math"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
)

// units are the suffixes GOMEMLIMIT accepts, longest first so that "B"
// does not match the end of "MiB".
var units = []struct {
	suffix string
	size   int64
}{
	{"KiB", 1 << 10},
	{"MiB", 1 << 20},
	{"GiB", 1 << 30},
	{"TiB", 1 << 40},
	{"B", 1},
}

// ParseSize reads a size in GOMEMLIMIT's syntax and returns it in bytes.
func ParseSize(s string) (int64, error) {
	if s == "off" {
		return math.MaxInt64, nil
	}
	number, unit := s, int64(1)
	for _, u := range units {
		if n, found := strings.CutSuffix(s, u.suffix); found {
			number, unit = n, u.size
			break
		}
	}
	// ParseInt would accept a sign; a size has none.
	if number == "" || strings.TrimLeft(number, "0123456789") != "" {
		return 0, fmt.Errorf("size %q: want a whole number of bytes with an optional unit B, KiB, MiB, GiB or TiB", s)
	}
	n, err := strconv.ParseInt(number, 10, 64)
	if err != nil || n*unit < 0 {
		return 0, fmt.Errorf("size %q is too large", s)
	}
	if n == 0 {
		return 0, fmt.Errorf("size %q: a memory limit must be above zero", s)
	}
	return n * unit, nil
}

// LimitFromEnv applies MEMORY_LIMIT and returns the limit in effect.
func LimitFromEnv() (int64, error) {
	v := os.Getenv("MEMORY_LIMIT")
	if v == "" {
		// A negative value reads the limit without changing it: the one
		// GOMEMLIMIT set at startup, or math.MaxInt64 (none).
		return debug.SetMemoryLimit(-1), nil
	}
	limit, err := ParseSize(v)
	if err != nil {
		return debug.SetMemoryLimit(-1), fmt.Errorf("MEMORY_LIMIT: %w", err)
	}
	debug.SetMemoryLimit(limit)
	return limit, nil
}

// runtimeInfo answers GET /debug/runtime.
func runtimeInfo(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"memory_limit_bytes": debug.SetMemoryLimit(-1),
		"gomaxprocs":         runtime.GOMAXPROCS(0),
		"goroutines":         runtime.NumGoroutine(),
		"go_version":         runtime.Version(),
	})
}

func main() {
	limit, err := LimitFromEnv()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /debug/runtime", runtimeInfo)
	log.Printf("listening on %s, memory limit %d bytes, GOMAXPROCS %d", addr, limit, runtime.GOMAXPROCS(0))
	log.Fatal(http.ListenAndServe(addr, mux))
}
