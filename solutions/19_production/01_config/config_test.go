package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

var testVariables = []string{"ADDR", "APP_ENV", "REQUEST_TIMEOUT", "MAX_ITEMS", "API_TOKEN"}

// The API_TOKEN values the tests set. Config says the token is never shown,
// so no message shows them either: testRedact takes them out of whatever
// the learner's code returned or printed.
const (
	testToken      = "tok-7Kq2vX9m"
	testOtherToken = "tok-R4pZ8wLc"
)

func testRedact(s string) string {
	return strings.NewReplacer(testToken, "[API_TOKEN]", testOtherToken, "[API_TOKEN]").Replace(s)
}

// testShowConfig prints cfg like %+v, with the token's value left out.
func testShowConfig(cfg Config) string {
	token := `""`
	if cfg.APIToken != "" {
		token = fmt.Sprintf("[redacted, %d characters]", len(cfg.APIToken))
	}
	return fmt.Sprintf("{Addr:%q Env:%q RequestTimeout:%v MaxItems:%d APIToken:%s}",
		testRedact(cfg.Addr), testRedact(cfg.Env), cfg.RequestTimeout, cfg.MaxItems, token)
}

// testConfigDiff reports cfg against want, the token redacted.
func testConfigDiff(cfg, want Config) string {
	msg := fmt.Sprintf("\n got  %s\n want %s", testShowConfig(cfg), testShowConfig(want))
	if cfg.APIToken != want.APIToken {
		msg += "\n (APIToken is not the value of API_TOKEN)"
	}
	return msg
}

// testSetEnv sets the service's variables for one test: those in env to their
// value, the others to "" (unset, for Load). t.Setenv puts everything back
// when the test ends.
func testSetEnv(t *testing.T, env map[string]string) {
	t.Helper()
	for _, name := range testVariables {
		t.Setenv(name, env[name])
	}
}

func testDescribe(env map[string]string) string {
	var parts []string
	for _, name := range testVariables {
		if v, ok := env[name]; ok {
			if name == "API_TOKEN" && v != "" {
				v = "[redacted]"
			}
			parts = append(parts, name+"="+v)
		}
	}
	if len(parts) == 0 {
		return "no variables set"
	}
	return strings.Join(parts, " ")
}

func TestLoadDefaults(t *testing.T) {
	env := map[string]string{"API_TOKEN": testToken}
	testSetEnv(t, env)
	cfg, err := Load()
	if err != nil {
		t.Fatalf("Load() with %s: error %s, want the defaults", testDescribe(env), testRedact(err.Error()))
	}
	want := Config{Addr: "127.0.0.1:8080", Env: "development", RequestTimeout: 5 * time.Second, MaxItems: 100, APIToken: testToken}
	if cfg != want {
		t.Errorf("Load() with %s:%s", testDescribe(env), testConfigDiff(cfg, want))
	}
}

func TestLoadFromEnvironment(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want Config
	}{
		{
			name: "every variable set",
			env:  map[string]string{"ADDR": "0.0.0.0:9000", "APP_ENV": "production", "REQUEST_TIMEOUT": "2s", "MAX_ITEMS": "250", "API_TOKEN": testOtherToken},
			want: Config{Addr: "0.0.0.0:9000", Env: "production", RequestTimeout: 2 * time.Second, MaxItems: 250, APIToken: testOtherToken},
		},
		{
			name: "durations with several units",
			env:  map[string]string{"APP_ENV": "staging", "REQUEST_TIMEOUT": "1m30s", "API_TOKEN": testToken},
			want: Config{Addr: "127.0.0.1:8080", Env: "staging", RequestTimeout: 90 * time.Second, MaxItems: 100, APIToken: testToken},
		},
		{
			name: "the limits of MAX_ITEMS are allowed",
			env:  map[string]string{"REQUEST_TIMEOUT": "250ms", "MAX_ITEMS": "10000", "API_TOKEN": testToken},
			want: Config{Addr: "127.0.0.1:8080", Env: "development", RequestTimeout: 250 * time.Millisecond, MaxItems: 10000, APIToken: testToken},
		},
		{
			name: "MAX_ITEMS=1",
			env:  map[string]string{"MAX_ITEMS": "1", "API_TOKEN": testToken},
			want: Config{Addr: "127.0.0.1:8080", Env: "development", RequestTimeout: 5 * time.Second, MaxItems: 1, APIToken: testToken},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testSetEnv(t, tt.env)
			cfg, err := Load()
			if err != nil {
				t.Fatalf("Load() with %s: unexpected error %s", testDescribe(tt.env), testRedact(err.Error()))
			}
			if cfg != tt.want {
				t.Errorf("Load() with %s:%s", testDescribe(tt.env), testConfigDiff(cfg, tt.want))
			}
		})
	}
}

func TestLoadRejectsBadValues(t *testing.T) {
	tests := []struct {
		name     string
		env      map[string]string
		variable string // the one the error must name
	}{
		{"no token", map[string]string{}, "API_TOKEN"},
		{"a timeout that is not a duration", map[string]string{"REQUEST_TIMEOUT": "soon", "API_TOKEN": testToken}, "REQUEST_TIMEOUT"},
		{"a timeout with no unit", map[string]string{"REQUEST_TIMEOUT": "7", "API_TOKEN": testToken}, "REQUEST_TIMEOUT"},
		{"a zero timeout", map[string]string{"REQUEST_TIMEOUT": "0s", "API_TOKEN": testToken}, "REQUEST_TIMEOUT"},
		{"a negative timeout", map[string]string{"REQUEST_TIMEOUT": "-3s", "API_TOKEN": testToken}, "REQUEST_TIMEOUT"},
		{"MAX_ITEMS not a number", map[string]string{"MAX_ITEMS": "lots", "API_TOKEN": testToken}, "MAX_ITEMS"},
		{"MAX_ITEMS with a fraction", map[string]string{"MAX_ITEMS": "2.5", "API_TOKEN": testToken}, "MAX_ITEMS"},
		{"MAX_ITEMS=0", map[string]string{"MAX_ITEMS": "0", "API_TOKEN": testToken}, "MAX_ITEMS"},
		{"MAX_ITEMS above 10000", map[string]string{"MAX_ITEMS": "10001", "API_TOKEN": testToken}, "MAX_ITEMS"},
		{"MAX_ITEMS negative", map[string]string{"MAX_ITEMS": "-5", "API_TOKEN": testToken}, "MAX_ITEMS"},
		{"an unknown APP_ENV", map[string]string{"APP_ENV": "prod", "API_TOKEN": testToken}, "APP_ENV"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testSetEnv(t, tt.env)
			cfg, err := Load()
			if err == nil {
				did := fmt.Sprintf("Load() with %s = %s and no error, want an error naming %s", testDescribe(tt.env), testShowConfig(cfg), tt.variable)
				// The defaults differ from every bad value's plausible
				// reading, so a default here means the value was dropped.
				var kept any
				var isDefault bool
				switch tt.variable {
				case "APP_ENV":
					kept, isDefault = fmt.Sprintf("%q", cfg.Env), cfg.Env == "development"
				case "REQUEST_TIMEOUT":
					kept, isDefault = cfg.RequestTimeout, cfg.RequestTimeout == 5*time.Second
				case "MAX_ITEMS":
					kept, isDefault = cfg.MaxItems, cfg.MaxItems == 100
				case "API_TOKEN":
					if cfg.APIToken == "" {
						t.Fatalf("%s: a missing token was accepted as an empty one", did)
					}
					t.Fatalf("%s: API_TOKEN is unset, yet APIToken holds %d characters", did, len(cfg.APIToken))
				}
				if isDefault {
					t.Fatalf("%s: the bad value was replaced by the default, %v (a bad value must stop the service, not be replaced by the default)", did, kept)
				}
				t.Fatalf("%s: the bad value was accepted, read as %v", did, kept)
			}
			if !strings.Contains(err.Error(), tt.variable) {
				t.Errorf("Load() with %s: error %q does not name the variable %s", testDescribe(tt.env), testRedact(err.Error()), tt.variable)
			}
		})
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	env := map[string]string{"APP_ENV": "qa", "REQUEST_TIMEOUT": "fast", "MAX_ITEMS": "0"}
	testSetEnv(t, env)
	_, err := Load()
	if err == nil {
		t.Fatalf("Load() with %s: no error, want one naming APP_ENV, REQUEST_TIMEOUT, MAX_ITEMS and API_TOKEN", testDescribe(env))
	}
	var missing []string
	for _, name := range []string{"APP_ENV", "REQUEST_TIMEOUT", "MAX_ITEMS", "API_TOKEN"} {
		if !strings.Contains(err.Error(), name) {
			missing = append(missing, name)
		}
	}
	if len(missing) == 0 {
		return
	}
	msg := fmt.Sprintf("Load() with %s (four problems): the error %q does not mention %s", testDescribe(env), testRedact(err.Error()), strings.Join(missing, ", "))
	// Advise collecting only when each missing problem, alone, is reported.
	alone := map[string]map[string]string{
		"APP_ENV":         {"APP_ENV": "qa", "API_TOKEN": testToken},
		"REQUEST_TIMEOUT": {"REQUEST_TIMEOUT": "fast", "API_TOKEN": testToken},
		"MAX_ITEMS":       {"MAX_ITEMS": "0", "API_TOKEN": testToken},
		"API_TOKEN":       {},
	}
	each := true
	for _, name := range missing {
		testSetEnv(t, alone[name])
		if _, err := Load(); err == nil || !strings.Contains(err.Error(), name) {
			each = false
		}
	}
	if each {
		msg += ", though each of them alone is reported: collect every problem and return them together with errors.Join"
	}
	t.Error(msg)
}

// TestInvalidConfigRefusesToStart runs main in a child process (this test
// binary again) with a bad configuration, and checks how it ends.
func TestInvalidConfigRefusesToStart(t *testing.T) {
	if os.Getenv("CONFIG_TEST_RUN_MAIN") == "1" {
		main()
		os.Exit(0) // main returned
	}
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestInvalidConfigRefusesToStart$")
	cmd.Env = append(os.Environ(),
		"CONFIG_TEST_RUN_MAIN=1",
		"ADDR=127.0.0.1:0",
		"APP_ENV=development",
		"REQUEST_TIMEOUT=soon",
		"MAX_ITEMS=50",
		"API_TOKEN="+testToken,
	)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	const setup = "main with REQUEST_TIMEOUT=soon"
	printed := testRedact(stderr.String())
	if ctx.Err() != nil {
		t.Fatalf("%s kept running for 3s: it must not start with an invalid configuration (print the error on stderr and os.Exit(1))", setup)
	}
	var exit *exec.ExitError
	code := 0
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: could not run it: %v", setup, err)
	}
	if code != 1 {
		t.Fatalf("%s ended with exit status %d, want 1 (a program that exits 0 tells the platform that all went well); stderr: %q", setup, code, printed)
	}
	if !strings.Contains(printed, "REQUEST_TIMEOUT") {
		t.Errorf("%s exited 1 but its stderr %q does not say what is wrong: print the error from Load (naming REQUEST_TIMEOUT) on stderr", setup, printed)
	}
}

// TestConfigDoesNotShowToken runs main in a child process with a valid
// configuration, and reads GET /config: it must not show the token.
func TestConfigDoesNotShowToken(t *testing.T) {
	if os.Getenv("CONFIG_TEST_RUN_MAIN") == "1" {
		main()
		os.Exit(0) // main returned
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("could not find a free port: %v", err)
	}
	addr := l.Addr().String()
	l.Close()

	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestConfigDoesNotShowToken$")
	env := map[string]string{"ADDR": addr, "APP_ENV": "staging", "REQUEST_TIMEOUT": "2500ms", "MAX_ITEMS": "50", "API_TOKEN": testToken}
	cmd.Env = append(os.Environ(), "CONFIG_TEST_RUN_MAIN=1")
	for _, name := range testVariables {
		cmd.Env = append(cmd.Env, name+"="+env[name])
	}
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Start(); err != nil {
		t.Fatalf("could not start main in a child process: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	setup := "main with " + testDescribe(env)

	client := &http.Client{Timeout: 2 * time.Second}
	var body string
	for start := time.Now(); ; {
		resp, err := client.Get("http://" + addr + "/config")
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			body = string(b)
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("%s ended (%v) without answering GET /config; it printed: %q", setup, err, testRedact(output.String()))
		case <-time.After(20 * time.Millisecond):
		}
		if time.Since(start) > 5*time.Second {
			cancel()
			<-exited
			t.Fatalf("%s did not answer GET /config within 5s; it printed: %q", setup, testRedact(output.String()))
		}
	}
	cancel()
	<-exited
	if strings.Contains(body, testToken) {
		t.Errorf("%s: GET /config shows the value of API_TOKEN, which must never be shown: the body is %s", setup, testRedact(body))
	}
}
