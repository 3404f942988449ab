package security

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
)

// ANCHOR: secret-file
// secretFrom returns the secret name from the file named by name_FILE,
// or else from the variable name itself.
func secretFrom(name string) (string, error) {
	if path := os.Getenv(name + "_FILE"); path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return "", fmt.Errorf("%s_FILE: %w", name, err) // the path, not the secret
		}
		return strings.TrimSuffix(string(b), "\n"), nil
	}
	if v := os.Getenv(name); v != "" {
		return v, nil
	}
	return "", fmt.Errorf("%s (or %s_FILE) is required", name, name)
}

// ANCHOR_END: secret-file

// ANCHOR: redact
type DBConfig struct {
	Host     string
	Password string
}

func (c DBConfig) String() string {
	return "DBConfig{Host: " + c.Host + ", Password: ***}"
}

func (c DBConfig) GoString() string { return c.String() }

func (c DBConfig) LogValue() slog.Value {
	return slog.GroupValue(slog.String("host", c.Host), slog.String("password", "***"))
}

// ANCHOR_END: redact

func Example_secrets() {
	dir, _ := os.MkdirTemp("", "secret")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "db_password")
	os.WriteFile(path, []byte("pg-s3cr3t\n"), 0o600)
	os.Setenv("EXAMPLE_DB_PASSWORD_FILE", path)
	defer os.Unsetenv("EXAMPLE_DB_PASSWORD_FILE")

	pw, err := secretFrom("EXAMPLE_DB_PASSWORD")
	fmt.Println(len(pw), err)
	_, err = secretFrom("EXAMPLE_API_KEY")
	fmt.Println(err)

	c := DBConfig{Host: "db.internal", Password: pw}
	fmt.Printf("%v\n%+v\n%#v\n", c, c, c)
	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	logger.Info("connecting", "db", c)
	// Output:
	// 9 <nil>
	// EXAMPLE_API_KEY (or EXAMPLE_API_KEY_FILE) is required
	// DBConfig{Host: db.internal, Password: ***}
	// DBConfig{Host: db.internal, Password: ***}
	// DBConfig{Host: db.internal, Password: ***}
	// {"level":"INFO","msg":"connecting","db":{"host":"db.internal","password":"***"}}
}
