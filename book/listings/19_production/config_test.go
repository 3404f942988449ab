package production

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// ANCHOR: config
// WorkerConfig configures a background worker, from the environment.
type WorkerConfig struct {
	Workers      int
	PollInterval time.Duration
	QueueURL     string
}

// loadWorker reads the configuration through getenv (os.Getenv in main, a
// map in tests), checks every value, and reports every problem at once.
func loadWorker(getenv func(string) string) (WorkerConfig, error) {
	cfg := WorkerConfig{Workers: 4, PollInterval: time.Second} // the defaults
	var problems []error

	if v := getenv("WORKERS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			problems = append(problems,
				fmt.Errorf("WORKERS: %q is not a positive whole number", v))
		} else {
			cfg.Workers = n
		}
	}
	if v := getenv("POLL_INTERVAL"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			problems = append(problems, fmt.Errorf(
				"POLL_INTERVAL: %q is not a duration above zero, such as 500ms", v))
		} else {
			cfg.PollInterval = d
		}
	}
	cfg.QueueURL = getenv("QUEUE_URL")
	if cfg.QueueURL == "" {
		problems = append(problems, errors.New("QUEUE_URL: required"))
	}
	return cfg, errors.Join(problems...) // nil when there is no problem
}

func Example_config() {
	env := map[string]string{"WORKERS": "zero", "POLL_INTERVAL": "5"}
	_, err := loadWorker(func(name string) string { return env[name] })
	fmt.Println(err)
	// Output:
	// WORKERS: "zero" is not a positive whole number
	// POLL_INTERVAL: "5" is not a duration above zero, such as 500ms
	// QUEUE_URL: required
}

// ANCHOR_END: config
