// Another way: load returns one error made with errors.Join, whose text
// has one problem per line; main is a run function that returns the exit
// status; the port is parsed with strconv.ParseUint as a 16-bit number.
// Refuse to start on a bad configuration. The shop service reads its
// configuration from the environment:
//
//	SHOP_PORT              port to listen on, 1 to 65535 (default 8080)
//	SHOP_LOG_LEVEL         debug, info, warn or error (default info)
//	SHOP_DATABASE_URL      required; a postgres:// or postgresql:// URL
//	                       with a host
//	SHOP_SHUTDOWN_TIMEOUT  a duration above zero, such as 15s (default 10s)
//
// Write load so that it checks every variable and reports every problem,
// not only the first. When the configuration is invalid, main prints each
// problem on a line of its own on standard error, naming the variable
// (for example "config: SHOP_PORT: "abc" is not a number"), prints nothing
// on standard output, and exits with status 78 (EX_CONFIG, "configuration
// error", from sysexits.h), before it listens on anything. With the -check
// flag, a valid configuration is printed on standard output in the format
// below, with the database password replaced by xxxxx (url.URL's Redacted
// does that), and main exits 0 without serving:
//
//	port: 8080
//	log level: info
//	database: postgres://shop:xxxxx@db.internal:5432/shop
//	shutdown timeout: 10s
//
// The program is run with several environments and its output and exit
// status compared; it passes when every case matches.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

const exConfig = 78 // sysexits.h: configuration error

// Config is the service's configuration.
type Config struct {
	Port            int
	LogLevel        string
	DatabaseURL     *url.URL
	ShutdownTimeout time.Duration
}

// load reads the configuration through getenv and reports every problem,
// joined into one error.
func load(getenv func(string) string) (Config, error) {
	cfg := Config{Port: 8080, LogLevel: "info", ShutdownTimeout: 10 * time.Second}
	var errs []error
	bad := func(name, format string, args ...any) {
		errs = append(errs, fmt.Errorf("config: "+name+": "+format, args...))
	}
	if v := getenv("SHOP_PORT"); v != "" {
		if n, err := strconv.ParseUint(v, 10, 16); err != nil || n == 0 {
			bad("SHOP_PORT", "want a port number from 1 to 65535, got %q", v)
		} else {
			cfg.Port = int(n)
		}
	}
	if v := strings.TrimSpace(getenv("SHOP_LOG_LEVEL")); v != "" {
		if !slices.Contains([]string{"debug", "info", "warn", "error"}, v) {
			bad("SHOP_LOG_LEVEL", "unknown level %q (debug, info, warn or error)", v)
		} else {
			cfg.LogLevel = v
		}
	}
	raw := getenv("SHOP_DATABASE_URL")
	u, err := url.Parse(raw)
	switch {
	case raw == "":
		bad("SHOP_DATABASE_URL", "missing")
	case err != nil, !slices.Contains([]string{"postgres", "postgresql"}, u.Scheme), u.Hostname() == "":
		bad("SHOP_DATABASE_URL", "want postgres://user:password@host/db")
	default:
		cfg.DatabaseURL = u
	}
	if v := getenv("SHOP_SHUTDOWN_TIMEOUT"); v != "" {
		if d, err := time.ParseDuration(v); err != nil || d <= 0 {
			bad("SHOP_SHUTDOWN_TIMEOUT", "want a duration above zero such as 15s, got %q", v)
		} else {
			cfg.ShutdownTimeout = d
		}
	}
	return cfg, errors.Join(errs...)
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("shop", flag.ContinueOnError)
	fs.SetOutput(stderr)
	check := fs.Bool("check", false, "check the configuration, print it and exit")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	cfg, err := load(os.Getenv)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exConfig
	}
	if *check {
		fmt.Fprintf(stdout, "port: %d\nlog level: %s\ndatabase: %s\nshutdown timeout: %s\n",
			cfg.Port, cfg.LogLevel, cfg.DatabaseURL.Redacted(), cfg.ShutdownTimeout)
		return 0
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {})
	srv := &http.Server{
		Addr:              net.JoinHostPort("127.0.0.1", strconv.Itoa(cfg.Port)),
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
	}
	if err := srv.ListenAndServe(); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
