// Scans the digits first, switches on the rest as the unit, and checks overflow with a shift on uint64.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"math"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
)

// ParseSize reads a size in GOMEMLIMIT's syntax and returns it in bytes.
func ParseSize(s string) (int64, error) {
	if s == "off" {
		return math.MaxInt64, nil
	}
	end := 0
	for end < len(s) && '0' <= s[end] && s[end] <= '9' {
		end++
	}
	digits, unit := s[:end], s[end:]
	var shift uint
	switch unit {
	case "", "B":
	case "KiB":
		shift = 10
	case "MiB":
		shift = 20
	case "GiB":
		shift = 30
	case "TiB":
		shift = 40
	default:
		return 0, fmt.Errorf("%q: unknown unit %q", s, unit)
	}
	if digits == "" {
		return 0, fmt.Errorf("%q: no number", s)
	}
	n, err := strconv.ParseUint(digits, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q: %w", s, err)
	}
	if n == 0 {
		return 0, errors.New("a memory limit of zero")
	}
	if n > uint64(math.MaxInt64)>>shift {
		return 0, fmt.Errorf("%q does not fit in an int64", s)
	}
	return int64(n << shift), nil
}

// LimitFromEnv applies MEMORY_LIMIT and returns the limit in effect.
func LimitFromEnv() (int64, error) {
	current := debug.SetMemoryLimit(-1)
	v := os.Getenv("MEMORY_LIMIT")
	if v == "" {
		return current, nil
	}
	n, err := ParseSize(v)
	if err != nil {
		return current, fmt.Errorf("MEMORY_LIMIT=%q: %w", v, err)
	}
	debug.SetMemoryLimit(n)
	return debug.SetMemoryLimit(-1), nil
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
