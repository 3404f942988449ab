package accesslog

import (
	"errors"
	"fmt"
	"slices"
	"testing"
)

func TestParseAll(t *testing.T) {
	lines := []string{"GET /users/42 200 153", "POST /orders 201 1200", "DELETE /users/7 404 3", "GET / 500 0"}
	want := []Entry{
		{"GET", "/users/42", 200, 153},
		{"POST", "/orders", 201, 1200},
		{"DELETE", "/users/7", 404, 3},
		{"GET", "/", 500, 0},
	}
	got, err := ParseAll(lines)
	if err != nil || !slices.Equal(got, want) {
		t.Fatalf("ParseAll(%q) =\n%+v, %v\nwant\n%+v, nil", lines, got, err, want)
	}
	if got, err := ParseAll(nil); err != nil || len(got) != 0 {
		t.Errorf("ParseAll(nil) = %+v, %v; want no entries, nil", got, err)
	}
}

func TestParseAllMalformed(t *testing.T) {
	bad := []string{
		"",
		"GET /users",
		"GET /users 200",
		"GET users 200 15",
		"GET /users two 15",
		"GET /users 200 fast",
		"GET /users 99 15",
		"GET /users 600 15",
		"GET /users 200 -1",
	}
	for _, line := range bad {
		lines := []string{"GET /ok 200 1", line}
		got, err := ParseAll(lines)
		if !errors.Is(err, ErrMalformed) {
			t.Errorf("ParseAll(%q) = %+v, %v; want an error wrapping ErrMalformed", lines, got, err)
		}
	}
}

// testAccessLog makes n valid lines; most numbers are above 255, which matters:
// Go keeps ready-made interfaces for the numbers 0 to 255 only.
func testAccessLog(n int) []string {
	statuses := []int{200, 404, 500, 201, 302}
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf("GET /items/%d %d %d", i, statuses[i%len(statuses)], 256+i*13%5000)
	}
	return lines
}

func TestParseAllAllocations(t *testing.T) {
	// One allocation, the result slice, whatever the number of lines.
	sizes := []int{100, 1000}
	allocs := make([]float64, len(sizes))
	for i, n := range sizes {
		lines := testAccessLog(n)
		if _, err := ParseAll(lines); err != nil {
			t.Fatalf("ParseAll(%d valid lines): %v", n, err)
		}
		allocs[i] = testing.AllocsPerRun(10, func() { ParseAll(lines) })
	}
	if allocs[0] <= 1 && allocs[1] <= 1 {
		return
	}
	msg := fmt.Sprintf("ParseAll makes %.0f allocations per call for %d lines and %.0f for %d, want 1 whatever the number of lines: the result slice", allocs[0], sizes[0], allocs[1], sizes[1])
	perLine := (allocs[1] - allocs[0]) / float64(sizes[1]-sizes[0])
	switch {
	case perLine >= 0.9:
		msg += fmt.Sprintf(" (%.1f more per line). Run go build -gcflags=-m in the exercise's directory: every \"escapes to heap\" and \"moved to heap\" inside the loop costs an allocation per line", perLine)
	case allocs[0] == allocs[1]:
		msg += "; the extra ones do not depend on the number of lines"
	}
	t.Error(msg)
}
