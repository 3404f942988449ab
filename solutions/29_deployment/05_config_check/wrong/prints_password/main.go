// Wrong: prints the database URL as it is, password included, into the
// output (and so into the logs).
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
	var problems []error

	if v := getenv("SHOP_PORT"); v != "" {
		n, err := strconv.Atoi(v)
		switch {
		case err != nil:
			problems = append(problems, fmt.Errorf("SHOP_PORT: %q is not a number", v))
		case n < 1 || n > 65535:
			problems = append(problems, fmt.Errorf("SHOP_PORT: %d is not a port (1 to 65535)", n))
		default:
			cfg.Port = n
		}
	}

	if v := getenv("SHOP_LOG_LEVEL"); v != "" {
		switch v {
		case "debug", "info", "warn", "error":
			cfg.LogLevel = v
		default:
			problems = append(problems, fmt.Errorf("SHOP_LOG_LEVEL: %q is not one of debug, info, warn, error", v))
		}
	}

	if v := getenv("SHOP_DATABASE_URL"); v == "" {
		problems = append(problems, errors.New("SHOP_DATABASE_URL: required, and not set"))
	} else if u, err := url.Parse(v); err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Host == "" {
		// Never echo the value: it may hold a password.
		problems = append(problems, errors.New("SHOP_DATABASE_URL: not a postgres:// URL with a host"))
	} else {
		cfg.DatabaseURL = u
	}

	if v := getenv("SHOP_SHUTDOWN_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		switch {
		case err != nil:
			problems = append(problems, fmt.Errorf("SHOP_SHUTDOWN_TIMEOUT: %q is not a duration (such as 15s)", v))
		case d <= 0:
			problems = append(problems, fmt.Errorf("SHOP_SHUTDOWN_TIMEOUT: %v is not above zero", d))
		default:
			cfg.ShutdownTimeout = d
		}
	}
	return cfg, problems
}

func main() {
	check := flag.Bool("check", false, "check the configuration, print it and exit")
	flag.Parse()

	cfg, problems := load(os.Getenv)
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(os.Stderr, "config:", p)
		}
		os.Exit(78) // EX_CONFIG
	}
	if *check {
		fmt.Printf("port: %d\n", cfg.Port)
		fmt.Printf("log level: %s\n", cfg.LogLevel)
		fmt.Printf("database: %s\n", cfg.DatabaseURL)
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
