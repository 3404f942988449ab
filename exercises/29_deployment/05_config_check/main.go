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
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"time"
)

// Config is the service's configuration.
type Config struct {
	Port            int
	LogLevel        string
	DatabaseURL     *url.URL
	ShutdownTimeout time.Duration
}

// load reads the configuration through getenv and reports every problem.
func load(getenv func(string) string) (Config, []error) {
	cfg := Config{Port: 8080, LogLevel: "info", ShutdownTimeout: 10 * time.Second}

	// TODO: check every variable (ranges, levels, the URL's scheme and
	// host, durations above zero) and collect every problem.
	if v := getenv("SHOP_PORT"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return cfg, []error{err}
		}
		cfg.Port = n
	}
	if v := getenv("SHOP_LOG_LEVEL"); v != "" {
		cfg.LogLevel = v
	}
	u, err := url.Parse(getenv("SHOP_DATABASE_URL"))
	if err != nil {
		return cfg, []error{err}
	}
	cfg.DatabaseURL = u
	if v := getenv("SHOP_SHUTDOWN_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			return cfg, []error{err}
		}
		cfg.ShutdownTimeout = d
	}
	return cfg, nil
}

func main() {
	check := flag.Bool("check", false, "check the configuration, print it and exit")
	flag.Parse()

	cfg, problems := load(os.Getenv)
	if len(problems) > 0 {
		// TODO: every problem on its own line, and the exit status 78.
		log.Fatal(errors.Join(problems...))
	}
	if *check {
		fmt.Printf("port: %d\n", cfg.Port)
		fmt.Printf("log level: %s\n", cfg.LogLevel)
		fmt.Printf("database: %s\n", cfg.DatabaseURL) // TODO: the password
		fmt.Printf("shutdown timeout: %v\n", cfg.ShutdownTimeout)
		return
	}

	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(cfg.Port))
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	fmt.Fprintln(os.Stderr, "listening on", addr)
	if err := http.ListenAndServe(addr, mux); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
