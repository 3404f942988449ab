package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// testPost creates a task from any goroutine: it reports problems as an
// error instead of stopping the test (t.Fatal only works in the test's
// own goroutine).
func testPost(h http.Handler, title string) (Task, error) {
	rec := httptest.NewRecorder()
	body := fmt.Sprintf(`{"title":%q}`, title)
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/tasks", strings.NewReader(body)))
	var task Task
	if rec.Code != http.StatusCreated {
		return task, fmt.Errorf("POST /tasks %s: status %d, want 201", body, rec.Code)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &task); err != nil {
		return task, fmt.Errorf("POST /tasks %s: body %q is not a task: %v", body, rec.Body.String(), err)
	}
	return task, nil
}

// testSend sends a request from any goroutine, ignoring the answer.
func testSend(h http.Handler, method, path, body string) {
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(method, path, strings.NewReader(body)))
}

// testCall sends one request to h and decodes a JSON answer into out (if any).
func testCall(t *testing.T, h http.Handler, method, path, body string, out any) int {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(rec, req)
	if out != nil && rec.Code < 300 {
		if err := json.Unmarshal(rec.Body.Bytes(), out); err != nil {
			t.Fatalf("%s %s: status %d with body %q, which is not the JSON expected: %v", method, path, rec.Code, rec.Body.String(), err)
		}
	}
	return rec.Code
}

func testCreate(t *testing.T, h http.Handler, title string) Task {
	t.Helper()
	var task Task
	body := fmt.Sprintf(`{"title":%q}`, title)
	if code := testCall(t, h, "POST", "/tasks", body, &task); code != http.StatusCreated {
		t.Fatalf("POST /tasks %s: status %d, want 201", body, code)
	}
	return task
}

func testList(t *testing.T, h http.Handler) []Task {
	t.Helper()
	var tasks []Task
	if code := testCall(t, h, "GET", "/tasks", "", &tasks); code != http.StatusOK {
		t.Fatalf("GET /tasks: status %d, want 200", code)
	}
	return tasks
}

func testIds(tasks []Task) []int {
	out := make([]int, len(tasks))
	for i, t := range tasks {
		out[i] = t.ID
	}
	return out
}

func TestEmptyListIsAnArray(t *testing.T) {
	h := NewAPI(NewStore())
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/tasks", nil))
	if got := strings.TrimSpace(rec.Body.String()); rec.Code != 200 || got != "[]" {
		t.Errorf("GET /tasks with no tasks: status %d, body %q, want 200 and [] (a nil slice is encoded as null)", rec.Code, got)
	}
}

func TestListIsSortedByID(t *testing.T) {
	h := NewAPI(NewStore())
	for i := range 40 {
		testCreate(t, h, fmt.Sprintf("task %d", i))
	}
	for _, id := range []int{3, 17, 40} {
		if code := testCall(t, h, "DELETE", fmt.Sprintf("/tasks/%d", id), "", nil); code != http.StatusNoContent {
			t.Fatalf("DELETE /tasks/%d: status %d, want 204", id, code)
		}
	}
	// Map order changes from one range loop to the next: look several times.
	for range 5 {
		got := testIds(testList(t, h))
		if len(got) != 37 {
			t.Fatalf("GET /tasks after 40 creates and 3 deletes: %d tasks, want 37", len(got))
		}
		for i := 1; i < len(got); i++ {
			if got[i-1] >= got[i] {
				t.Fatalf("GET /tasks: ids in the order %v, want them sorted by id (ranging over a map gives a random order)", got)
			}
		}
	}
}

func TestIDsAreNeverReused(t *testing.T) {
	h := NewAPI(NewStore())
	a := testCreate(t, h, "first")
	b := testCreate(t, h, "second")
	if code := testCall(t, h, "DELETE", fmt.Sprintf("/tasks/%d", a.ID), "", nil); code != http.StatusNoContent {
		t.Fatalf("DELETE /tasks/%d: status %d, want 204", a.ID, code)
	}
	c := testCreate(t, h, "third")
	if c.ID == a.ID || c.ID == b.ID {
		t.Fatalf("after creating ids %d and %d and deleting %d, the next task got id %d: ids must never be reused", a.ID, b.ID, a.ID, c.ID)
	}
	var got Task
	if code := testCall(t, h, "GET", fmt.Sprintf("/tasks/%d", b.ID), "", &got); code != 200 || got.Title != "second" {
		t.Errorf("GET /tasks/%d: status %d, task %+v, want the task \"second\" unchanged", b.ID, code, got)
	}
}

func TestConcurrentRequests(t *testing.T) {
	h := NewAPI(NewStore())
	const writers, each = 4, 25
	var wg sync.WaitGroup
	created := make([][]Task, writers)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				task, err := testPost(h, fmt.Sprintf("writer %d task %d", w, i))
				if err != nil {
					t.Error(err)
					return
				}
				created[w] = append(created[w], task)
			}
		})
	}
	// Readers and updaters at the same time as the writers.
	for range 2 {
		wg.Go(func() {
			for range each {
				testSend(h, "GET", "/tasks", "")
				testSend(h, "GET", "/tasks/1", "")
				testSend(h, "PATCH", "/tasks/1", `{"done":true}`)
			}
		})
	}
	wg.Wait()
	if t.Failed() {
		return
	}

	seen := map[int]bool{}
	for _, tasks := range created {
		for _, task := range tasks {
			if seen[task.ID] {
				t.Fatalf("%d tasks created concurrently: the id %d was given twice", writers*each, task.ID)
			}
			seen[task.ID] = true
		}
	}
	if got := testList(t, h); len(got) != writers*each {
		t.Errorf("after %d tasks created concurrently, GET /tasks lists %d", writers*each, len(got))
	}
}
