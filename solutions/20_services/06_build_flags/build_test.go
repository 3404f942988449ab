package main

import (
	"bytes"
	"context"
	"debug/elf"
	"debug/pe"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// testSources are the package's files exactly as this test was compiled with
// them: the tests build the program from these with the go command.
//
//go:embed *.go
var testSources embed.FS

// testBuild compiles the program for goos/goarch with extra ldflags, in a
// module of its own in a temporary directory, and returns the binary.
// The first cross-compilation for a platform also compiles the standard
// library for it, which takes a while; later ones come from the cache.
func testBuild(t *testing.T, goos, goarch, ldflags string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module notesworker\n\ngo 1.25\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	names, _ := fs.Glob(testSources, "*.go")
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		b, _ := testSources.ReadFile(name)
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	name := "notes-worker"
	if goos == "windows" {
		// Windows runs only files named .exe.
		name += ".exe"
	}
	bin := filepath.Join(t.TempDir(), name)
	args := []string{"build", "-o", bin}
	if ldflags != "" {
		args = append(args, "-ldflags", ldflags)
	}
	cmd := exec.Command("go", append(args, ".")...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch, "CGO_ENABLED=0", "GOWORK=off", "GOFLAGS=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		hint := ""
		if strings.Contains(string(out), "undefined: syscall.SIGUSR1") {
			hint = "\nSIGUSR1 exists only on Unix systems: put the code that uses it in a file starting with //go:build unix, and a function of the same name in a //go:build !unix file."
		}
		flags := ""
		if ldflags != "" {
			flags = fmt.Sprintf(" -ldflags %q", ldflags)
		}
		t.Fatalf("GOOS=%s GOARCH=%s go build%s failed:\n%s%s", goos, goarch, flags, strings.TrimSpace(string(out)), hint)
	}
	return bin
}

// testVersionOf runs bin --version.
func testVersionOf(t *testing.T, bin string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "--version").Output()
	if err != nil {
		t.Fatalf("notes-worker --version: %v", err)
	}
	return string(out)
}

func TestVersionFromLdflags(t *testing.T) {
	platform := runtime.GOOS + "/" + runtime.GOARCH
	bin := testBuild(t, runtime.GOOS, runtime.GOARCH, "-X main.version=1.4.2-test")
	if got, want := testVersionOf(t, bin), "notes-worker 1.4.2-test "+platform+"\n"; got != want {
		hint := ""
		if strings.Contains(got, "dev") {
			hint = ": -X main.version=... changed nothing. It sets a package-level string variable, and silently skips a constant: declare var version = \"dev\""
		}
		t.Errorf("built with -ldflags \"-X main.version=1.4.2-test\", notes-worker --version printed %q, want %q%s", got, want, hint)
	}
	bin = testBuild(t, runtime.GOOS, runtime.GOARCH, "")
	if got, want := testVersionOf(t, bin), "notes-worker dev "+platform+"\n"; got != want {
		t.Errorf("built without -ldflags, notes-worker --version printed %q, want %q", got, want)
	}
}

func TestCrossCompileLinuxARM64(t *testing.T) {
	bin := testBuild(t, "linux", "arm64", "-X main.version=1.4.2-test")
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatalf("GOOS=linux GOARCH=arm64: the binary is not an ELF file: %v", err)
	}
	defer f.Close()
	if f.Machine != elf.EM_AARCH64 {
		t.Errorf("GOOS=linux GOARCH=arm64: the binary is for %v, want EM_AARCH64", f.Machine)
	}
	if b, _ := os.ReadFile(bin); !bytes.Contains(b, []byte("1.4.2-test")) {
		t.Errorf("GOOS=linux GOARCH=arm64 with -X main.version=1.4.2-test: the version is not in the binary")
	}
}

func TestCrossCompileWindows(t *testing.T) {
	bin := testBuild(t, "windows", "amd64", "-X main.version=1.4.2-test")
	f, err := pe.Open(bin)
	if err != nil {
		t.Fatalf("GOOS=windows GOARCH=amd64: the binary is not a Windows (PE) file: %v", err)
	}
	defer f.Close()
	if f.FileHeader.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Errorf("GOOS=windows GOARCH=amd64: the binary is for machine %#x, want IMAGE_FILE_MACHINE_AMD64", f.FileHeader.Machine)
	}
}
