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

// Config is the service's configuration.
type Config struct {
	Addr        string
	DatabaseURL string
	APIKey      string
}

// Load reads the configuration through getenv.
func Load(getenv func(string) string) (Config, error) {
	// TODO: the *_FILE variables, the checks, and the methods that keep
	// the secrets out of every printout.
	c := Config{
		Addr:        getenv("ADDR"),
		DatabaseURL: getenv("DATABASE_URL"),
		APIKey:      getenv("API_KEY"),
	}
	if c.Addr == "" {
		c.Addr = ":8080"
	}
	return c, nil
}
