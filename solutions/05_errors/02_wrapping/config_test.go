package config

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"strings"
	"testing"
)

// testInTempDir makes a new empty directory the current one for the test, so
// that the tests can use short relative paths.
func testInTempDir(t *testing.T) {
	t.Helper()
	t.Chdir(t.TempDir())
}

// testWriteConfig writes content to the file path.
func testWriteConfig(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestLoadConfig(t *testing.T) {
	testInTempDir(t)
	content := "# server\nport = 8080\n\n  host=localhost  \nname = my app\nempty =\n"
	testWriteConfig(t, "app.conf", content)
	cfg, err := LoadConfig("app.conf")
	if err != nil {
		t.Fatalf("LoadConfig of a valid file returned %v, want nil", err)
	}
	want := map[string]string{"port": "8080", "host": "localhost", "name": "my app", "empty": ""}
	if !maps.Equal(cfg, want) {
		t.Errorf("LoadConfig of a file holding %q = %v, want %v", content, cfg, want)
	}
}

func TestMissingFile(t *testing.T) {
	testInTempDir(t)
	_, err := LoadConfig("missing.conf")
	if err == nil {
		t.Fatalf(`LoadConfig("missing.conf") of a missing file returned no error`)
	}
	var problems []string
	prefix := `load config "missing.conf": `
	if !strings.HasPrefix(err.Error(), prefix) {
		problems = append(problems, fmt.Sprintf("does not start with %#q", prefix))
	}
	if !errors.Is(err, fs.ErrNotExist) {
		problems = append(problems, "does not wrap the error of os.ReadFile: errors.Is(err, fs.ErrNotExist) is false (wrap with %w, not %v)")
	}
	if len(problems) > 0 {
		t.Errorf("LoadConfig(\"missing.conf\") of a missing file returned\n\t%s\nwhich %s;\nwant\n\t%s", err, strings.Join(problems, ", and "),
			`load config "missing.conf": open missing.conf: no such file or directory`)
	}
}

func TestSyntaxError(t *testing.T) {
	cases := []struct {
		name     string
		content  string
		wantLine int
	}{
		{"line without =", "port = 8080\nhost = localhost\nverbose\n", 3},
		{"empty key", "= 8080\n", 1},
		{"key of spaces only", "port = 1\n   = 2\n", 2},
		{"blank lines and comments count as lines", "# settings\n\nport = 8080\noops\nhost = x\n", 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			testInTempDir(t)
			testWriteConfig(t, "app.conf", c.content)
			_, err := LoadConfig("app.conf")
			if err == nil {
				t.Fatalf("LoadConfig of a file holding %q returned no error", c.content)
			}
			var problems []string
			prefix := `load config "app.conf": `
			if !strings.HasPrefix(err.Error(), prefix) {
				problems = append(problems, fmt.Sprintf("does not start with %#q", prefix))
			}
			line := fmt.Sprintf("line %d: ", c.wantLine)
			if !strings.Contains(err.Error(), line) {
				problems = append(problems, fmt.Sprintf("does not say %#q", line))
			}
			if !errors.Is(err, ErrSyntax) {
				problems = append(problems, "does not wrap ErrSyntax: errors.Is(err, ErrSyntax) is false (wrap with %w, not %v)")
			}
			if len(problems) > 0 {
				t.Errorf("LoadConfig of a file holding %q returned\n\t%s\nwhich %s;\nwant\n\tload config \"app.conf\": line %d: syntax error",
					c.content, err, strings.Join(problems, ", and "), c.wantLine)
			}
		})
	}
}
