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
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
)

// ParseSize reads a size in GOMEMLIMIT's syntax and returns it in bytes.
func ParseSize(s string) (int64, error) {
	// TODO: the units, "off", and what is not a size.
	return strconv.ParseInt(s, 10, 64)
}

// LimitFromEnv applies MEMORY_LIMIT and returns the limit in effect.
func LimitFromEnv() (int64, error) {
	// TODO: debug.SetMemoryLimit(n) sets the limit and returns the one
	// before; debug.SetMemoryLimit(-1) only reads it.
	return 0, nil
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
