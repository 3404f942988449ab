package basics

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTypeErrors compiles testdata/types and checks that the compiler
// reports exactly the errors the book shows (testdata/types.txt).
func TestTypeErrors(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	cmd := exec.Command("go", "build", "-o", os.DevNull, ".")
	cmd.Dir = filepath.Join("testdata", "types")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatal("testdata/types compiled, but it is the book's example of a program that does not")
	}
	var got []string
	for line := range strings.Lines(string(out)) {
		// The first line, "# import/path", names the package.
		if !strings.HasPrefix(line, "#") {
			got = append(got, strings.TrimRight(line, "\n"))
		}
	}
	want, err := os.ReadFile(filepath.Join("testdata", "types.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if g, w := strings.Join(got, "\n"), strings.TrimSpace(string(want)); g != w {
		t.Errorf("go build printed:\n%s\nbut testdata/types.txt (shown in the book) says:\n%s", g, w)
	}
}
