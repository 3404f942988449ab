package pagination

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"testing"
	"time"
)

// testBase is the Created time of the oldest item of the tests.
var testBase = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// testStore returns a store of n items with IDs 1..n, item i created i
// seconds after testBase: newest first, they come as n, n-1, ..., 1.
func testStore(n int) *Store {
	s := &Store{}
	for i := 1; i <= n; i++ {
		s.Add(Item{ID: int64(i), Created: testBase.Add(time.Duration(i) * time.Second), Name: fmt.Sprint("item ", i)})
	}
	return s
}

// testGet requests /items with the query and decodes the answer.
func testGet(h http.Handler, query url.Values) (int, Page, string) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/items?"+query.Encode(), nil))
	var p Page
	if rec.Code == http.StatusOK {
		if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
			return rec.Code, p, fmt.Sprintf("invalid JSON (%v): %q", err, rec.Body.String())
		}
	}
	return rec.Code, p, testShort(rec.Body.String())
}

// testShort cuts a response body for a message.
func testShort(body string) string {
	if len(body) > 100 {
		return body[:100] + "..."
	}
	return body
}

// testWalk follows next_cursor from the first page to the last, calling
// between(n) after page n (1, 2, ...). It returns the IDs in the order they
// came, and the pages' sizes.
func testWalk(t *testing.T, h http.Handler, limit int, between func(page int)) (ids []int64, sizes []int) {
	t.Helper()
	cursor := ""
	for page := 1; ; page++ {
		if page > 60 {
			t.Fatalf("limit=%d: still a next_cursor after 60 pages (ids so far %v); want \"\" on the last page", limit, ids)
		}
		q := url.Values{"limit": {fmt.Sprint(limit)}}
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		code, p, body := testGet(h, q)
		if code != http.StatusOK {
			t.Fatalf("GET /items?%s (page %d) = %d %q, want 200", q.Encode(), page, code, body)
		}
		if len(p.Items) > limit {
			t.Fatalf("GET /items?%s (page %d): %d items, want at most %d", q.Encode(), page, len(p.Items), limit)
		}
		for _, it := range p.Items {
			ids = append(ids, it.ID)
		}
		sizes = append(sizes, len(p.Items))
		if p.NextCursor == "" {
			return ids, sizes
		}
		if p.NextCursor == cursor {
			t.Fatalf("GET /items?%s (page %d): next_cursor is the cursor of this request, %q: the walk would never end", q.Encode(), page, cursor)
		}
		cursor = p.NextCursor
		if between != nil {
			between(page)
		}
	}
}

// testDescending returns the IDs hi, hi-1, ..., lo.
func testDescending(hi, lo int64) []int64 {
	var ids []int64
	for id := hi; id >= lo; id-- {
		ids = append(ids, id)
	}
	return ids
}

// testCompare reports the first difference between the IDs a walk got and
// the IDs it should have got: a repeat, a missing item, or the order.
func testCompare(got, want []int64) string {
	seen := map[int64]int{}
	for _, id := range got {
		seen[id]++
	}
	for _, id := range got {
		if seen[id] > 1 {
			return fmt.Sprintf("item %d came %d times; got ids %v, want %v", id, seen[id], got, want)
		}
	}
	for _, id := range want {
		if seen[id] == 0 {
			return fmt.Sprintf("item %d never came; got ids %v, want %v", id, got, want)
		}
	}
	if !slices.Equal(got, want) {
		return fmt.Sprintf("got ids %v, want %v", got, want)
	}
	return ""
}

func TestWalkAllPages(t *testing.T) {
	for _, c := range []struct {
		items, limit int
		sizes        []int
	}{
		{25, 10, []int{10, 10, 5}},
		{20, 5, []int{5, 5, 5, 5}},
		{3, 10, []int{3}},
		{7, 1, []int{1, 1, 1, 1, 1, 1, 1}},
	} {
		t.Run(fmt.Sprintf("%d items limit %d", c.items, c.limit), func(t *testing.T) {
			ids, sizes := testWalk(t, Handler(testStore(c.items)), c.limit, nil)
			if d := testCompare(ids, testDescending(int64(c.items), 1)); d != "" {
				t.Errorf("walking %d items with limit=%d: %s", c.items, c.limit, d)
			}
			if !slices.Equal(sizes, c.sizes) {
				t.Errorf("walking %d items with limit=%d: pages of %v items, want %v (next_cursor is \"\" only when no item is left)", c.items, c.limit, sizes, c.sizes)
			}
		})
	}
}

func TestWalkWhileAdding(t *testing.T) {
	t.Run("newer items added between pages", func(t *testing.T) {
		s := testStore(25)
		next := int64(100)
		ids, _ := testWalk(t, Handler(s), 10, func(page int) {
			for range 3 {
				next++
				s.Add(Item{ID: next, Created: testBase.Add(time.Hour + time.Duration(next)*time.Second)})
			}
		})
		if d := testCompare(ids, testDescending(25, 1)); d != "" {
			t.Errorf("25 items, limit=10, 3 newer items added after each page: %s", d)
		}
	})
	t.Run("older item added after page 1", func(t *testing.T) {
		s := testStore(15)
		ids, _ := testWalk(t, Handler(s), 10, func(page int) {
			if page == 1 {
				s.Add(Item{ID: 99, Created: testBase.Add(-time.Hour)})
			}
		})
		if d := testCompare(ids, append(testDescending(15, 1), 99)); d != "" {
			t.Errorf("15 items, limit=10, an item older than all added after page 1 (it belongs on page 2): %s", d)
		}
	})
}

func TestWalkSameCreatedTime(t *testing.T) {
	s := &Store{}
	for i := 1; i <= 12; i++ {
		s.Add(Item{ID: int64(i), Created: testBase})
	}
	s.Add(Item{ID: 13, Created: testBase.Add(time.Second)})
	s.Add(Item{ID: 0, Created: testBase.Add(-time.Second)})
	ids, _ := testWalk(t, Handler(s), 5, nil)
	if d := testCompare(ids, testDescending(13, 0)); d != "" {
		t.Errorf("14 items, 12 of them created at the same instant, limit=5: %s", d)
	}
}

func TestInvalidCursor(t *testing.T) {
	h := Handler(testStore(25))
	for _, c := range []string{"not a cursor!", "x", "aGVsbG8", "aGVsbG8=", "%%%", "\u00e9t\u00e9"} {
		t.Run(c, func(t *testing.T) {
			q := url.Values{"cursor": {c}}
			if code, _, body := testGet(h, q); code != http.StatusBadRequest {
				t.Errorf("GET /items?%s = %d %q, want 400 (a cursor the handler did not make)", q.Encode(), code, body)
			}
		})
	}
}

func TestLimit(t *testing.T) {
	h := Handler(testStore(25))
	for _, c := range []struct {
		limit string
		code  int
		n     int
	}{
		{"", 200, 10},
		{"1", 200, 1},
		{"100", 200, 25},
		{"0", 400, 0},
		{"-3", 400, 0},
		{"101", 400, 0},
		{"ten", 400, 0},
	} {
		t.Run("limit="+c.limit, func(t *testing.T) {
			q := url.Values{}
			if c.limit != "" {
				q.Set("limit", c.limit)
			}
			code, p, body := testGet(h, q)
			if code != c.code {
				t.Fatalf("GET /items?%s = %d %q, want %d", q.Encode(), code, body, c.code)
			}
			if code == 200 && len(p.Items) != c.n {
				t.Errorf("GET /items?%s on 25 items: %d items, want %d", q.Encode(), len(p.Items), c.n)
			}
		})
	}
}
