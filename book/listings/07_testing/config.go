package testdemo

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"time"
)

// LoadConfig reads "key = value" lines from the file at path. Blank lines
// and lines starting with # are skipped.
func LoadConfig(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cfg := make(map[string]string)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want key = value", path, n)
		}
		cfg[strings.TrimSpace(key)] = strings.TrimSpace(value)
	}
	return cfg, sc.Err()
}

// now is time.Now, in a variable so that tests can replace it.
var now = time.Now

// Greeting says good morning before noon and good afternoon after.
func Greeting() string {
	if now().Hour() < 12 {
		return "Good morning"
	}
	return "Good afternoon"
}
