// Tries a table of unit suffixes with strings.CutSuffix and checks the digits with strings.Trim; reads MEMORY_LIMIT with os.LookupEnv.
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
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			number, unit = n, u.size
			break
		}
	}
	if number == "" || strings.Trim(number, "0123456789") != "" {
		return 0, fmt.Errorf("size %q: want a whole number with an optional unit (B, KiB, MiB, GiB, TiB) or off", s)
	}
	n, err := strconv.ParseInt(number, 10, 64)
	if err != nil || n > math.MaxInt64/unit {
		return 0, fmt.Errorf("size %q is too large", s)
	}
	if n == 0 {
		return 0, fmt.Errorf("size %q: must be above zero", s)
	}
	return n * unit, nil
}

// LimitFromEnv applies MEMORY_LIMIT and returns the limit in effect.
func LimitFromEnv() (int64, error) {
	v, ok := os.LookupEnv("MEMORY_LIMIT")
	if !ok || v == "" {
		return debug.SetMemoryLimit(-1), nil
	}
	n, err := ParseSize(v)
	if err != nil {
		return debug.SetMemoryLimit(-1), fmt.Errorf("MEMORY_LIMIT: %w", err)
	}
	debug.SetMemoryLimit(n)
	return n, nil
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
