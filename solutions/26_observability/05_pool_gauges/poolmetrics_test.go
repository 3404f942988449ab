package poolmetrics

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/synctest"

	_ "modernc.org/sqlite"
)

var testKinds = []struct{ name, kind string }{
	{"db_open_connections", "gauge"},
	{"db_in_use_connections", "gauge"},
	{"db_idle_connections", "gauge"},
	{"db_max_open_connections", "gauge"},
	{"db_wait_count_total", "counter"},
}

// testScrape GETs /metrics from h and returns the value of each metric of
// testKinds, checking the HELP and TYPE lines on the way.
func testScrape(t *testing.T, h http.Handler) map[string]float64 {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body := rec.Body.String()
	values := map[string]float64{}
	help := map[string]int{}
	types := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(body))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
		case strings.HasPrefix(line, "# HELP "):
			name, _, _ := strings.Cut(strings.TrimPrefix(line, "# HELP "), " ")
			help[name]++
		case strings.HasPrefix(line, "# TYPE "):
			name, kind, _ := strings.Cut(strings.TrimPrefix(line, "# TYPE "), " ")
			if _, dup := types[name]; dup {
				t.Fatalf("GET /metrics has two TYPE lines for %s; body: %s", name, testShow(body))
			}
			if _, seen := values[name]; seen {
				t.Fatalf("GET /metrics: the TYPE line of %s comes after its sample; it must come before", name)
			}
			types[name] = strings.TrimSpace(kind)
		case strings.HasPrefix(line, "#"):
		default:
			fields := strings.Fields(line)
			if len(fields) < 2 {
				t.Fatalf("metrics line %q: want \"name value\"", line)
			}
			v, err := strconv.ParseFloat(fields[1], 64)
			if err != nil {
				t.Fatalf("metrics line %q: value %q is not a number", line, fields[1])
			}
			if _, dup := values[fields[0]]; dup {
				t.Fatalf("GET /metrics has two samples of %s; body: %s", fields[0], testShow(body))
			}
			values[fields[0]] = v
		}
	}
	for _, k := range testKinds {
		name, kind := k.name, k.kind
		if _, ok := values[name]; !ok {
			t.Fatalf("GET /metrics has no sample of %s; body: %s", name, testShow(body))
		}
		if help[name] != 1 {
			t.Errorf("GET /metrics has %d \"# HELP %s ...\" lines, want 1", help[name], name)
		}
		if types[name] != kind {
			t.Errorf("GET /metrics: TYPE of %s is %q, want %q (\"# TYPE %s %s\")", name, types[name], kind, name, kind)
		}
	}
	return values
}

func testCheck(t *testing.T, step string, got map[string]float64, want map[string]float64) {
	t.Helper()
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s: %s %v, want %v", step, name, got[name], w)
		}
	}
}

func testOpen(t *testing.T) *sql.DB {
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "pool.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(2)
	db.SetMaxIdleConns(2)
	return db
}

func TestFormat(t *testing.T) {
	db := testOpen(t)
	defer db.Close()
	rec := httptest.NewRecorder()
	Handler(db).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if ct := rec.Result().Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("GET /metrics: Content-Type %q, want %q", ct, ContentType)
	}
	got := testScrape(t, Handler(db))
	testCheck(t, "new pool with SetMaxOpenConns(2)", got, map[string]float64{
		"db_open_connections": 0, "db_in_use_connections": 0, "db_idle_connections": 0,
		"db_max_open_connections": 2, "db_wait_count_total": 0,
	})
}

func TestGaugesFollowThePool(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		db := testOpen(t)
		defer db.Close()
		ctx := context.Background()
		h := Handler(db) // one handler, scraped at each step, as in a server

		c1, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		c2, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		testCheck(t, "after taking 2 of 2 connections", testScrape(t, h), map[string]float64{
			"db_open_connections": 2, "db_in_use_connections": 2, "db_idle_connections": 0,
			"db_wait_count_total": 0,
		})

		got := make(chan *sql.Conn)
		go func() {
			c, err := db.Conn(ctx) // waits: the pool is full
			if err != nil {
				panic(fmt.Sprint("db.Conn: ", err))
			}
			got <- c
		}()
		synctest.Wait() // the goroutine is now waiting for a connection
		testCheck(t, "with a third caller waiting for a connection", testScrape(t, h), map[string]float64{
			"db_in_use_connections": 2, "db_wait_count_total": 1,
		})

		c1.Close() // handed to the waiting caller
		c3 := <-got
		c2.Close()
		testCheck(t, "after the waiting caller got a connection and another was returned", testScrape(t, h), map[string]float64{
			"db_open_connections": 2, "db_in_use_connections": 1, "db_idle_connections": 1,
			"db_wait_count_total": 1,
		})
		c3.Close()
		testCheck(t, "after returning every connection", testScrape(t, h), map[string]float64{
			"db_open_connections": 2, "db_in_use_connections": 0, "db_idle_connections": 2,
			"db_wait_count_total": 1,
		})
	})
}

// testShow formats a response body for a message.
func testShow(body string) string {
	if strings.TrimSpace(body) == "" {
		return "(empty)"
	}
	return "\n" + body
}
