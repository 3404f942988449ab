// Alternative: the secrets are kept in an unexported secret type whose
// String, GoString and LogValue redact; the Config methods print through it.
// Load reads the service's configuration from the environment (through
// getenv, os.Getenv in production):
//
//   - Addr from ADDR, ":8080" when it is not set;
//   - the secrets DatabaseURL and APIKey. Each comes from the variable
//     (DATABASE_URL, API_KEY) or, following the *_FILE convention of
//     Docker and Kubernetes secrets, from the file named by DATABASE_URL_FILE
//     or API_KEY_FILE, without its trailing newline ("\n" or "\r\n").
//
// A secret that is missing or empty, set both ways, or whose file cannot
// be read is an error that names the variable, and so is an API key
// shorter than 32 characters. Load reports every problem at once
// (errors.Join), and no error ever contains a secret's value.
//
// A Config is printed and logged without its secrets: give it a String
// method (used by fmt's %v, %+v and %s), a GoString method (%#v) and a
// LogValue method (log/slog's LogValuer) that show Addr and hide both
// secrets (as "[REDACTED]", say). The hidden tests pass when the secrets
// load and never show.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
)

// Config is the service's configuration.
type Config struct {
	Addr        string
	DatabaseURL string
	APIKey      string
}

type secret string

func (secret) String() string       { return "[REDACTED]" }
func (secret) GoString() string     { return `"[REDACTED]"` }
func (secret) LogValue() slog.Value { return slog.StringValue("[REDACTED]") }

// view is what may be printed of a Config.
type view struct {
	Addr        string
	DatabaseURL secret
	APIKey      secret
}

func (c Config) view() view {
	return view{c.Addr, secret(c.DatabaseURL), secret(c.APIKey)}
}

// String shows the configuration without its secrets.
func (c Config) String() string { return fmt.Sprintf("%+v", c.view()) }

// GoString is what %#v prints.
func (c Config) GoString() string { return fmt.Sprintf("%#v", c.view()) }

// LogValue is how log/slog logs a Config.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("addr", c.Addr),
		slog.Any("database_url", secret(c.DatabaseURL)),
		slog.Any("api_key", secret(c.APIKey)),
	)
}

// Load reads the configuration through getenv.
func Load(getenv func(string) string) (Config, error) {
	c := Config{Addr: ":8080"}
	if a := getenv("ADDR"); a != "" {
		c.Addr = a
	}
	db, err1 := lookup(getenv, "DATABASE_URL")
	key, err2 := lookup(getenv, "API_KEY")
	if err2 == nil && len(key) < 32 {
		err2 = errors.New("API_KEY must be at least 32 characters long")
	}
	if err := errors.Join(err1, err2); err != nil {
		return Config{}, err
	}
	c.DatabaseURL, c.APIKey = db, key
	return c, nil
}

func lookup(getenv func(string) string, name string) (string, error) {
	v, f := getenv(name), getenv(name+"_FILE")
	if v != "" && f != "" {
		return "", fmt.Errorf("%s: both %[1]s and %[1]s_FILE are set", name)
	}
	if f != "" {
		b, err := os.ReadFile(f)
		if err != nil {
			return "", fmt.Errorf("%s_FILE: %w", name, err)
		}
		v = string(b)
		v = strings.TrimSuffix(v, "\n")
		v = strings.TrimSuffix(v, "\r")
	}
	if v == "" {
		return "", fmt.Errorf("%s: no value", name)
	}
	return v, nil
}
