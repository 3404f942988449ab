// Alternative: a table of secrets filled through pointers, files trimmed
// with TrimRight, LogValue listing only what may be shown.
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
	var c Config
	c.Addr = cmpOr(getenv("ADDR"), ":8080")
	var problems []error
	for _, s := range []struct {
		name string
		dst  *string
	}{{"DATABASE_URL", &c.DatabaseURL}, {"API_KEY", &c.APIKey}} {
		v, err := read(getenv, s.name)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		*s.dst = v
	}
	if c.APIKey != "" && len(c.APIKey) < 32 {
		problems = append(problems, errors.New("API_KEY is shorter than 32 characters"))
	}
	return c, errors.Join(problems...)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func read(getenv func(string) string, name string) (string, error) {
	direct := getenv(name)
	path := getenv(name + "_FILE")
	if direct != "" && path != "" {
		return "", fmt.Errorf("set %s or %s_FILE, not both", name, name)
	}
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return "", fmt.Errorf("%s_FILE: cannot read %s", name, path)
		}
		direct = strings.TrimRight(string(data), "\r\n")
	}
	if direct == "" {
		return "", fmt.Errorf("%s is missing", name)
	}
	return direct, nil
}

// String shows the configuration without its secrets.
func (c Config) String() string {
	return "addr=" + c.Addr + " database_url=*** api_key=***"
}

// GoString is what %#v prints.
func (c Config) GoString() string {
	return fmt.Sprintf("config.Config{Addr:%q, DatabaseURL:\"***\", APIKey:\"***\"}", c.Addr)
}

// LogValue is how log/slog logs a Config.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(slog.String("addr", c.Addr))
}
