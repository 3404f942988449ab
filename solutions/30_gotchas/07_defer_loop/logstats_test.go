package logstats

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"testing/fstest"
)

// testMaxOpen is how many files the fake file system lets be open at once, like
// the open-file limit (ulimit -n) of a real process, only much smaller.
const testMaxOpen = 4

// testErrDisk is the error a file marked as broken returns from Read.
var testErrDisk = errors.New("input/output error")

// testLimitFS is a file system in memory that counts open files and fails like
// a real one, with "too many open files", past maxOpen.
type testLimitFS struct {
	files      fstest.MapFS
	brokenRead map[string]bool // Read fails for these files
	brokenOpen map[string]bool // Open fails for these files

	mu     sync.Mutex
	open   map[string]int // files open right now, by name
	opened int            // successful opens so far
}

func testNewLimitFS(files fstest.MapFS) *testLimitFS {
	return &testLimitFS{files: files, brokenRead: map[string]bool{}, brokenOpen: map[string]bool{}, open: map[string]int{}}
}

func (l *testLimitFS) Open(name string) (fs.File, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.brokenOpen[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	n := 0
	for _, c := range l.open {
		n += c
	}
	if n >= testMaxOpen {
		return nil, &fs.PathError{Op: "open", Path: name, Err: syscall.EMFILE}
	}
	f, err := l.files.Open(name)
	if err != nil {
		return nil, err
	}
	l.open[name]++
	l.opened++
	return &testTrackedFile{File: f, fsys: l, name: name}, nil
}

// ReadDir lets fs.Glob list the files without opening them.
func (l *testLimitFS) ReadDir(name string) ([]fs.DirEntry, error) {
	return l.files.ReadDir(name)
}

// stillOpen lists the files that are open now.
func (l *testLimitFS) stillOpen() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var names []string
	for name, c := range l.open {
		for range c {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

type testTrackedFile struct {
	fs.File
	fsys   *testLimitFS
	name   string
	closed bool
}

func (f *testTrackedFile) Read(p []byte) (int, error) {
	if f.fsys.brokenRead[f.name] {
		return 0, testErrDisk
	}
	return f.File.Read(p)
}

func (f *testTrackedFile) Close() error {
	f.fsys.mu.Lock()
	defer f.fsys.mu.Unlock()
	if f.closed {
		return fs.ErrClosed
	}
	f.closed = true
	f.fsys.open[f.name]--
	if f.fsys.open[f.name] == 0 {
		delete(f.fsys.open, f.name)
	}
	return f.File.Close()
}

// testLogFiles makes n log files; file i holds i%3 error lines among others.
// It returns the files and the total number of error lines.
func testLogFiles(n int) (fstest.MapFS, int) {
	files := fstest.MapFS{"README.md": {Data: []byte("level=ERROR is not a log line here\n")}}
	total := 0
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "time=2025-01-01T00:00:%02dZ level=INFO msg=\"started\"\n", i)
		for j := range i % 3 {
			fmt.Fprintf(&b, "time=2025-01-01T00:01:%02dZ level=ERROR msg=\"query failed\" attempt=%d\n", i, j)
			total++
		}
		b.WriteString("time=2025-01-01T00:02:00Z level=WARN msg=\"slow request\"\n")
		files[fmt.Sprintf("app-%02d.log", i)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return files, total
}

func testCheckAllClosed(t *testing.T, fsys *testLimitFS, call string) {
	t.Helper()
	if open := fsys.stillOpen(); len(open) > 0 {
		t.Errorf("%s returned, but these files are still open: %q; every file it opens must be closed", call, open)
	}
}

func TestCountErrorsManyFiles(t *testing.T) {
	for _, n := range []int{0, 1, 3, 20, 200} {
		t.Run(fmt.Sprintf("%d log files", n), func(t *testing.T) {
			files, want := testLogFiles(n)
			fsys := testNewLimitFS(files)
			call := fmt.Sprintf(`CountErrors(%d log files, "*.log")`, n)
			got, err := CountErrors(fsys, "*.log")
			if err != nil {
				t.Errorf("%s returned error %q, want %d, nil. This file system allows %d open files at once: each file must be closed before the next is opened, not when CountErrors returns", call, err, want, testMaxOpen)
			} else if got != want {
				t.Errorf("%s = %d, want %d", call, got, want)
			}
			testCheckAllClosed(t, fsys, call)
		})
	}
}

func TestCountErrorsFileThatCannotBeRead(t *testing.T) {
	for _, broken := range []string{"app-00.log", "app-01.log", "app-02.log"} {
		t.Run(broken, func(t *testing.T) {
			files, _ := testLogFiles(3)
			fsys := testNewLimitFS(files)
			fsys.brokenRead[broken] = true
			call := fmt.Sprintf(`CountErrors(3 log files, "*.log") with a read error in %s`, broken)
			_, err := CountErrors(fsys, "*.log")
			if !errors.Is(err, testErrDisk) {
				t.Errorf("%s returned error %v, want an error wrapping %q", call, err, testErrDisk)
			}
			testCheckAllClosed(t, fsys, call)
		})
	}
}

func TestCountErrorsFileThatCannotBeOpened(t *testing.T) {
	files, _ := testLogFiles(3)
	fsys := testNewLimitFS(files)
	fsys.brokenOpen["app-02.log"] = true
	call := `CountErrors(3 log files, "*.log") with app-02.log that cannot be opened`
	_, err := CountErrors(fsys, "*.log")
	if !errors.Is(err, fs.ErrPermission) {
		t.Errorf("%s returned error %v, want an error wrapping fs.ErrPermission", call, err)
	}
	testCheckAllClosed(t, fsys, call)
}

func TestCountErrorsReadsOnlyMatchingFiles(t *testing.T) {
	files, want := testLogFiles(4)
	files["notes.txt"] = &fstest.MapFile{Data: []byte("level=ERROR\n")}
	fsys := testNewLimitFS(files)
	got, err := CountErrors(fsys, "app-*.log")
	if err != nil || got != want {
		t.Errorf(`CountErrors(4 log files, README.md and notes.txt, "app-*.log") = %d, %v; want %d, nil`, got, err, want)
	}
	if fsys.opened != 4 {
		t.Errorf(`CountErrors(4 log files, README.md and notes.txt, "app-*.log") opened %d files, want 4`, fsys.opened)
	}
	testCheckAllClosed(t, fsys, `CountErrors(..., "app-*.log")`)
}
