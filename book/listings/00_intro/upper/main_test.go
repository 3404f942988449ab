package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"testing"
)

// Example runs main as if started with: upper hello gopher
func Example() {
	os.Args = []string{"upper", "hello", "gopher"}
	main()
	// Output: HELLO GOPHER
}

// TestMain lets TestUsage start this test binary as the program itself.
func TestMain(m *testing.M) {
	if os.Getenv("UPPER_RUN_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestUsage checks what the book says: no argument means a usage message on
// standard error and exit code 2.
func TestUsage(t *testing.T) {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "UPPER_RUN_MAIN=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 {
		t.Fatalf("upper with no argument: err = %v, want exit code 2", err)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout = %q, want nothing", stdout.String())
	}
	if got, want := stderr.String(), "usage: upper WORD...\n"; got != want {
		t.Errorf("stderr = %q, want %q", got, want)
	}
}
