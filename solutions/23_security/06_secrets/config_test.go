package config

import (
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	testDB  = "postgres://app:pg-Pa55w0rd-7Qx@db.internal:5432/app"
	testKey = "sk_live_4f9a1c7e2b8d6f3a0e5c9b7d1a2f4e6c"
)

func testEnv(vars map[string]string) func(string) string {
	return func(name string) string { return vars[name] }
}

func testFile(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name string
		env  func(t *testing.T) map[string]string
		want Config
	}{
		{"from variables", func(t *testing.T) map[string]string {
			return map[string]string{"ADDR": "127.0.0.1:9000", "DATABASE_URL": testDB, "API_KEY": testKey}
		}, Config{Addr: "127.0.0.1:9000", DatabaseURL: testDB, APIKey: testKey}},
		{"ADDR defaults to :8080", func(t *testing.T) map[string]string {
			return map[string]string{"DATABASE_URL": testDB, "API_KEY": testKey}
		}, Config{Addr: ":8080", DatabaseURL: testDB, APIKey: testKey}},
		{"from files ending in a newline", func(t *testing.T) map[string]string {
			return map[string]string{
				"DATABASE_URL_FILE": testFile(t, testDB+"\n"),
				"API_KEY_FILE":      testFile(t, testKey+"\r\n"),
			}
		}, Config{Addr: ":8080", DatabaseURL: testDB, APIKey: testKey}},
		{"from a file without a newline and a variable", func(t *testing.T) map[string]string {
			return map[string]string{"DATABASE_URL": testDB, "API_KEY_FILE": testFile(t, testKey)}
		}, Config{Addr: ":8080", DatabaseURL: testDB, APIKey: testKey}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := tt.env(t)
			got, err := Load(testEnv(env))
			if err != nil {
				t.Fatalf("Load with %v returned error %v", env, err)
			}
			if got.Addr != tt.want.Addr || got.DatabaseURL != tt.want.DatabaseURL || got.APIKey != tt.want.APIKey {
				t.Errorf("Load with %v = {Addr: %q, DatabaseURL: %q, APIKey: %q}, want {Addr: %q, DatabaseURL: %q, APIKey: %q}",
					env, got.Addr, got.DatabaseURL, got.APIKey, tt.want.Addr, tt.want.DatabaseURL, tt.want.APIKey)
			}
		})
	}
}

func TestBadSecrets(t *testing.T) {
	const short = "sk_short_but_still_secret"
	tests := []struct {
		name  string
		env   func(t *testing.T) map[string]string
		names []string // variables the error must name
	}{
		{"API_KEY missing", func(t *testing.T) map[string]string {
			return map[string]string{"DATABASE_URL": testDB}
		}, []string{"API_KEY"}},
		{"DATABASE_URL missing", func(t *testing.T) map[string]string {
			return map[string]string{"API_KEY": testKey}
		}, []string{"DATABASE_URL"}},
		{"both missing", func(t *testing.T) map[string]string {
			return map[string]string{"ADDR": ":9000"}
		}, []string{"DATABASE_URL", "API_KEY"}},
		{"API_KEY_FILE names a missing file", func(t *testing.T) map[string]string {
			return map[string]string{"DATABASE_URL": testDB, "API_KEY_FILE": filepath.Join(t.TempDir(), "nope")}
		}, []string{"API_KEY"}},
		{"DATABASE_URL_FILE names an empty file", func(t *testing.T) map[string]string {
			return map[string]string{"DATABASE_URL_FILE": testFile(t, "\n"), "API_KEY": testKey}
		}, []string{"DATABASE_URL"}},
		{"API_KEY and API_KEY_FILE both set", func(t *testing.T) map[string]string {
			return map[string]string{"DATABASE_URL": testDB, "API_KEY": testKey, "API_KEY_FILE": testFile(t, testKey)}
		}, []string{"API_KEY"}},
		{"API_KEY too short", func(t *testing.T) map[string]string {
			return map[string]string{"DATABASE_URL": testDB, "API_KEY": short}
		}, []string{"API_KEY"}},
		{"API_KEY_FILE too short", func(t *testing.T) map[string]string {
			return map[string]string{"DATABASE_URL": testDB, "API_KEY_FILE": testFile(t, short+"\n")}
		}, []string{"API_KEY"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := tt.env(t)
			_, err := Load(testEnv(env))
			if err == nil {
				t.Fatalf("Load with %v returned a nil error", env)
			}
			for _, name := range tt.names {
				if !strings.Contains(err.Error(), name) {
					t.Errorf("Load with %v: error %q does not name %s", env, err, name)
				}
			}
			for _, s := range []string{testDB, testKey, short} {
				if strings.Contains(err.Error(), s) {
					t.Errorf("Load with %v: error %q shows the secret %q", env, err, s)
				}
			}
		})
	}
}

func TestSecretsNeverShow(t *testing.T) {
	c, err := Load(testEnv(map[string]string{"ADDR": "127.0.0.1:9000", "DATABASE_URL": testDB, "API_KEY": testKey}))
	if err != nil {
		t.Fatalf("Load returned error %v", err)
	}
	slogOut := func(h func(*bytes.Buffer) slog.Handler, v any) string {
		var buf bytes.Buffer
		slog.New(h(&buf)).Info("starting", "config", v)
		return buf.String()
	}
	jsonH := func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) }
	textH := func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) }
	outputs := []struct{ how, out string }{
		{"fmt.Sprintf(\"%v\", c)", fmt.Sprintf("%v", c)},
		{"fmt.Sprintf(\"%+v\", c)", fmt.Sprintf("%+v", c)},
		{"fmt.Sprintf(\"%s\", c)", fmt.Sprintf("%s", c)},
		{"fmt.Sprintf(\"%#v\", c)", fmt.Sprintf("%#v", c)},
		{"fmt.Sprintf(\"%+v\", &c)", fmt.Sprintf("%+v", &c)},
		{"fmt.Sprintf(\"%#v\", &c)", fmt.Sprintf("%#v", &c)},
		{"fmt.Sprintln(c)", fmt.Sprintln(c)},
		{"slog JSON handler, Info(\"starting\", \"config\", c)", slogOut(jsonH, c)},
		{"slog JSON handler, Info(\"starting\", \"config\", &c)", slogOut(jsonH, &c)},
		{"slog text handler, Info(\"starting\", \"config\", c)", slogOut(textH, c)},
	}
	for _, o := range outputs {
		for _, s := range []string{testDB, testKey, "pg-Pa55w0rd-7Qx"} {
			if strings.Contains(o.out, s) {
				t.Errorf("%s = %q shows the secret %q", o.how, o.out, s)
			}
		}
		if !strings.Contains(o.out, "127.0.0.1:9000") {
			t.Errorf("%s = %q does not show Addr 127.0.0.1:9000", o.how, o.out)
		}
	}
}
