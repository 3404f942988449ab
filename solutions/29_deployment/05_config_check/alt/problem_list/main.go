// Another way: a table of variables, each with a default and a parse
// function, walked in order; the problems are collected as strings; the
// password is hidden with url.UserPassword instead of Redacted.
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
	"flag"
	"fmt"
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

type variable struct {
	name     string
	required bool
	parse    func(v string, c *Config) string // "" when fine, else the problem
}

var variables = []variable{
	{"SHOP_PORT", false, func(v string, c *Config) string {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 65535 {
			return fmt.Sprintf("%q is not a port from 1 to 65535", v)
		}
		c.Port = n
		return ""
	}},
	{"SHOP_LOG_LEVEL", false, func(v string, c *Config) string {
		switch v {
		case "debug", "info", "warn", "error":
			c.LogLevel = v
			return ""
		}
		return fmt.Sprintf("%q is not a level: debug, info, warn or error", v)
	}},
	{"SHOP_DATABASE_URL", true, func(v string, c *Config) string {
		u, err := url.Parse(v)
		if err != nil || u.Host == "" || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
			return "want a postgres:// URL with a host"
		}
		c.DatabaseURL = u
		return ""
	}},
	{"SHOP_SHUTDOWN_TIMEOUT", false, func(v string, c *Config) string {
		d, err := time.ParseDuration(v)
		if err != nil {
			return fmt.Sprintf("%q is not a duration", v)
		}
		if d <= 0 {
			return fmt.Sprintf("%s must be above zero", v)
		}
		c.ShutdownTimeout = d
		return ""
	}},
}

func loadConfig(getenv func(string) string) (Config, []string) {
	c := Config{Port: 8080, LogLevel: "info", ShutdownTimeout: 10 * time.Second}
	var problems []string
	for _, v := range variables {
		val := getenv(v.name)
		if val == "" {
			if v.required {
				problems = append(problems, v.name+": must be set")
			}
			continue
		}
		if p := v.parse(val, &c); p != "" {
			problems = append(problems, v.name+": "+p)
		}
	}
	return c, problems
}

func hidePassword(u *url.URL) string {
	safe := *u
	if _, has := u.User.Password(); has {
		safe.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return safe.String()
}

func main() {
	check := flag.Bool("check", false, "validate the configuration and exit")
	flag.Parse()
	c, problems := loadConfig(os.Getenv)
	if len(problems) != 0 {
		for _, p := range problems {
			fmt.Fprintf(os.Stderr, "invalid configuration: %s\n", p)
		}
		os.Exit(78)
	}
	if *check {
		fmt.Println("port:", c.Port)
		fmt.Println("log level:", c.LogLevel)
		fmt.Println("database:", hidePassword(c.DatabaseURL))
		fmt.Println("shutdown timeout:", c.ShutdownTimeout)
		return
	}
	http.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {})
	if err := http.ListenAndServe("127.0.0.1:"+strconv.Itoa(c.Port), nil); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
