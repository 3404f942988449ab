// Model-based: a sequence of operations applied to the store and to a plain map, reopening after every step and comparing.
package kvlog

import (
	"fmt"
	"maps"
	"path/filepath"
	"testing"
)

func open(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func snapshot(s *Store, keys []string) map[string]string {
	got := map[string]string{}
	for _, k := range keys {
		if v, ok := s.Get(k); ok {
			got[k] = v
		}
	}
	return got
}

func TestMatchesAMapAcrossRestarts(t *testing.T) {
	type op struct {
		del        bool
		key, value string
	}
	ops := []op{
		{key: "a", value: "first"},
		{key: "b", value: "two words"},
		{key: "a", value: "second"},
		{key: "c", value: "line\nbreak"},
		{del: true, key: "b"},
		{key: "d", value: "ünïcödé ✓"},
		{del: true, key: "missing"},
		{key: "b", value: "back again"},
		{del: true, key: "c"},
	}
	keys := []string{"a", "b", "c", "d", "missing"}
	path := filepath.Join(t.TempDir(), "store.log")
	want := map[string]string{}
	s := open(t, path)
	for i, o := range ops {
		var err error
		if o.del {
			err = s.Delete(o.key)
			delete(want, o.key)
		} else {
			err = s.Set(o.key, o.value)
			want[o.key] = o.value
		}
		if err != nil {
			t.Fatalf("step %d (%+v): %v", i+1, o, err)
		}
		s.Close()
		s = open(t, path)
		t.Run(fmt.Sprintf("reopen after step %d", i+1), func(t *testing.T) {
			if got := snapshot(s, keys); !maps.Equal(got, want) || s.Len() != len(want) {
				t.Errorf("after step %d and a reopen: store holds %q (Len %d), want %q", i+1, got, s.Len(), want)
			}
		})
	}
}
