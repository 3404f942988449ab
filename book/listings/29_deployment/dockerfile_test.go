package deployment

import (
	_ "embed"
	"strings"
	"testing"
)

//go:embed testdata/Dockerfile
var dockerfile string

// TestDockerfileShape checks the chapter's Dockerfile for what the text
// says about it: two stages, a static build, a non-root user, exec form.
func TestDockerfileShape(t *testing.T) {
	var froms, users []string
	var entrypoint string
	for line := range strings.Lines(dockerfile) {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		switch f[0] {
		case "FROM":
			froms = append(froms, f[1])
		case "USER":
			users = append(users, f[1])
		case "ENTRYPOINT":
			entrypoint = strings.TrimSpace(line[len("ENTRYPOINT"):])
		}
	}
	if len(froms) != 2 || !strings.HasPrefix(froms[0], "golang:") ||
		!strings.Contains(froms[1], "distroless/static") {
		t.Errorf("stages %v, want golang then distroless/static", froms)
	}
	if !strings.Contains(dockerfile, `CGO_ENABLED=0 go build -trimpath -ldflags="-s -w"`) {
		t.Error("the build is not static and trimmed")
	}
	if len(users) != 1 || users[0] == "0" || users[0] == "root" {
		t.Errorf("USER %v, want one non-root user", users)
	}
	if !strings.HasPrefix(entrypoint, "[") {
		t.Errorf("ENTRYPOINT %s, want the exec form", entrypoint)
	}
}
