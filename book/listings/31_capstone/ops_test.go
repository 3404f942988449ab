package capstone

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ANCHOR: metrics
// jobCounter counts finished background jobs by queue and outcome, and
// writes them in the Prometheus text format.
type jobCounter struct {
	mu     sync.Mutex
	counts map[[2]string]int // {queue, outcome} → count
}

func (c *jobCounter) done(queue, outcome string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.counts[[2]string{queue, outcome}]++
}

func (c *jobCounter) write(w io.Writer) {
	c.mu.Lock()
	counts := maps.Clone(c.counts) // a copy: no lock held while writing
	c.mu.Unlock()
	keys := slices.SortedFunc(maps.Keys(counts), func(a, b [2]string) int {
		// A stable order: by queue, then by outcome.
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	})
	esc := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	fmt.Fprintln(w, "# HELP jobs_total Background jobs finished, by queue and outcome.")
	fmt.Fprintln(w, "# TYPE jobs_total counter")
	for _, k := range keys {
		fmt.Fprintf(w, "jobs_total{queue=\"%s\",outcome=\"%s\"} %d\n",
			esc.Replace(k[0]), esc.Replace(k[1]), counts[k])
	}
}

func Example_metrics() {
	c := &jobCounter{counts: map[[2]string]int{}}
	c.done("email", "ok")
	c.done("email", "ok")
	c.done("email", "failed")
	c.done(`thumb"nails`, "ok")
	c.write(os.Stdout)
	// Output:
	// # HELP jobs_total Background jobs finished, by queue and outcome.
	// # TYPE jobs_total counter
	// jobs_total{queue="email",outcome="failed"} 1
	// jobs_total{queue="email",outcome="ok"} 2
	// jobs_total{queue="thumb\"nails",outcome="ok"} 1
}

// ANCHOR_END: metrics

// ANCHOR: pattern
func Example_pattern() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {})
	outer := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			next.ServeHTTP(w, r)
			// The mux set Pattern on the very request it was given.
			fmt.Printf("%s → %q\n", r.URL.Path, r.Pattern)
		})
	}
	h := outer(mux)
	for _, path := range []string{"/users/1", "/users/2", "/nowhere"} {
		req, _ := http.NewRequest("GET", "http://example.com"+path, nil)
		h.ServeHTTP(discardWriter{}, req)
	}
	// Output:
	// /users/1 → "GET /users/{id}"
	// /users/2 → "GET /users/{id}"
	// /nowhere → ""
}

// ANCHOR_END: pattern

type discardWriter struct{}

func (discardWriter) Header() http.Header         { return http.Header{} }
func (discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (discardWriter) WriteHeader(int)             {}

// ANCHOR: shutdown
func Example_shutdown() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	inHandler, finish := make(chan struct{}), make(chan struct{})
	slow := func(w http.ResponseWriter, r *http.Request) {
		close(inHandler)
		<-finish // a slow request
		fmt.Fprint(w, "done")
	}
	srv := &http.Server{Handler: http.HandlerFunc(slow)}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	answer := make(chan string, 1)
	go func() {
		res, err := http.Get("http://" + ln.Addr().String())
		if err != nil {
			answer <- err.Error()
			return
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		answer <- fmt.Sprintf("%d %s", res.StatusCode, b)
	}()
	<-inHandler

	shutdownDone := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		shutdownDone <- srv.Shutdown(ctx) // waits for the request in flight
	}()
	err = <-served // returns at once: no new connections from now on
	fmt.Println("Serve returned:", err,
		"| ErrServerClosed:", errors.Is(err, http.ErrServerClosed))
	close(finish) // the slow request ends...
	fmt.Println("the client got:", <-answer)
	// ...and only then does Shutdown return.
	fmt.Println("Shutdown returned:", <-shutdownDone)
	// Output:
	// Serve returned: http: Server closed | ErrServerClosed: true
	// the client got: 200 done
	// Shutdown returned: <nil>
}

// ANCHOR_END: shutdown

// ANCHOR: config
// workerConfig is read from the environment, with a default for each
// setting and an error that names the variable when a value is wrong.
type workerConfig struct {
	Queue       string
	Concurrency int
	Timeout     time.Duration
}

func loadWorkerConfig(getenv func(string) string) (workerConfig, error) {
	cfg := workerConfig{Queue: "default", Concurrency: 4, Timeout: 30 * time.Second}
	if v := getenv("QUEUE"); v != "" {
		cfg.Queue = v
	}
	if v := getenv("CONCURRENCY"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return workerConfig{},
				fmt.Errorf("CONCURRENCY=%q: want a whole number above 0", v)
		}
		cfg.Concurrency = n
	}
	if v := getenv("JOB_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return workerConfig{},
				fmt.Errorf("JOB_TIMEOUT=%q: want a duration such as 30s", v)
		}
		cfg.Timeout = d
	}
	return cfg, nil
}

func Example_config() {
	env := map[string]string{"QUEUE": "email", "JOB_TIMEOUT": "2m"}
	fmt.Println(loadWorkerConfig(func(k string) string { return env[k] }))
	env["CONCURRENCY"] = "lots"
	fmt.Println(loadWorkerConfig(func(k string) string { return env[k] }))
	// Output:
	// {email 4 2m0s} <nil>
	// { 0 0s} CONCURRENCY="lots": want a whole number above 0
}

// ANCHOR_END: config
