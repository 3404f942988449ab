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

// Load reads the configuration through getenv.
func Load(getenv func(string) string) (Config, error) {
	c := Config{Addr: getenv("ADDR")}
	if c.Addr == "" {
		c.Addr = ":8080"
	}
	var errs []error
	var err error
	if c.DatabaseURL, err = secret(getenv, "DATABASE_URL"); err != nil {
		errs = append(errs, err)
	}
	if c.APIKey, err = secret(getenv, "API_KEY"); err != nil {
		errs = append(errs, err)
	} else if len(c.APIKey) < 32 {
		errs = append(errs, fmt.Errorf("API_KEY: %d characters, want at least 32", len(c.APIKey)))
	}
	if err := errors.Join(errs...); err != nil {
		return Config{}, err
	}
	return c, nil
}

// secret reads the secret name from the variable name or from the file
// named by name_FILE.
func secret(getenv func(string) string, name string) (string, error) {
	value, file := getenv(name), getenv(name+"_FILE")
	switch {
	case value != "" && file != "":
		return "", fmt.Errorf("%s and %s_FILE are both set; set one", name, name)
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			// The error names the file, never its content.
			return "", fmt.Errorf("%s_FILE: %w", name, err)
		}
		value = strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r")
		if value == "" {
			return "", fmt.Errorf("%s_FILE: %s is empty", name, file)
		}
	case value == "":
		return "", fmt.Errorf("%s (or %s_FILE) is required", name, name)
	}
	return value, nil
}

const redacted = "[REDACTED]"

// String shows the configuration without its secrets.
func (c Config) String() string {
	return fmt.Sprintf("Config{Addr: %q, DatabaseURL: %s, APIKey: %s}", c.Addr, redacted, redacted)
}

// GoString is what %#v prints.
func (c Config) GoString() string { return c.String() }

// LogValue is how log/slog logs a Config.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("addr", c.Addr),
		slog.String("database_url", redacted),
		slog.String("api_key", redacted),
	)
}
