package inventory

import (
	"errors"
	"fmt"
	"testing"
)

func TestSentinels(t *testing.T) {
	if ErrNotFound == nil || ErrInsufficient == nil {
		t.Fatalf("ErrNotFound = %v, ErrInsufficient = %v: declare both with errors.New", ErrNotFound, ErrInsufficient)
	}
	if errors.Is(ErrNotFound, ErrInsufficient) || errors.Is(ErrInsufficient, ErrNotFound) {
		t.Errorf("ErrNotFound and ErrInsufficient match each other: they must be two different errors")
	}
}

func TestCount(t *testing.T) {
	s := NewStock(map[string]int{"mug": 3, "cap": 0})
	if n, err := s.Count("mug"); n != 3 || err != nil {
		t.Errorf(`Count("mug") = (%d, %v), want (3, nil)`, n, err)
	}
	if n, err := s.Count("cap"); n != 0 || err != nil {
		t.Errorf(`Count("cap") with 0 in stock = (%d, %v), want (0, nil)`, n, err)
	}
	_, err := s.Count("lamp")
	if !errors.Is(err, ErrNotFound) {
		t.Errorf(`Count("lamp") of an unknown item returned the error %v; want one that errors.Is matches with ErrNotFound`, err)
	}
	if errors.Is(err, ErrInsufficient) {
		t.Errorf(`Count("lamp") of an unknown item returned an error that matches ErrInsufficient`)
	}
}

func TestRemove(t *testing.T) {
	s := NewStock(map[string]int{"mug": 3})
	if err := s.Remove("mug", 2); err != nil {
		t.Fatalf(`3 mugs in stock, Remove("mug", 2) = %v, want nil`, err)
	}
	if n, _ := s.Count("mug"); n != 1 {
		t.Fatalf(`after Remove("mug", 2) of 3: Count = %d, want 1`, n)
	}

	err := s.Remove("mug", 5)
	if !errors.Is(err, ErrInsufficient) {
		t.Errorf(`1 mug in stock, Remove("mug", 5) = %v; want an error that errors.Is matches with ErrInsufficient`, err)
	}
	if errors.Is(err, ErrNotFound) {
		t.Errorf(`1 mug in stock, Remove("mug", 5) returned an error that matches ErrNotFound`)
	}
	if n, _ := s.Count("mug"); n != 1 {
		t.Errorf(`a refused Remove("mug", 5) changed the count to %d, want it left at 1`, n)
	}

	err = s.Remove("lamp", 1)
	if !errors.Is(err, ErrNotFound) {
		t.Errorf(`Remove("lamp", 1) of an unknown item = %v; want an error that errors.Is matches with ErrNotFound`, err)
	}
	if err := s.Remove("mug", 1); err != nil {
		t.Errorf(`1 mug in stock, Remove("mug", 1) = %v, want nil`, err)
	}
}

// testFakeCounter answers every Count with the same result.
type testFakeCounter struct {
	n   int
	err error
}

func (f testFakeCounter) Count(string) (int, error) { return f.n, f.err }

func TestAvailable(t *testing.T) {
	errDB := errors.New("connection refused")
	errOtherNotFound := errors.New("warehouse database not found")
	cases := []struct {
		name    string
		c       Counter
		want    int
		wantErr error
	}{
		{"known item", testFakeCounter{n: 5}, 5, nil},
		{"ErrNotFound", testFakeCounter{err: ErrNotFound}, 0, nil},
		{"ErrNotFound wrapped in context", testFakeCounter{err: fmt.Errorf("warehouse 3: %w", ErrNotFound)}, 0, nil},
		{"ErrNotFound wrapped twice", testFakeCounter{err: fmt.Errorf("inventory: %w", fmt.Errorf("warehouse 3: %w", ErrNotFound))}, 0, nil},
		{"another error", testFakeCounter{err: errDB}, 0, errDB},
		{"another error whose text says not found", testFakeCounter{err: errOtherNotFound}, 0, errOtherNotFound},
		{"another error with a count", testFakeCounter{n: 7, err: errDB}, 0, errDB},
		{"ErrNotFound with a count", testFakeCounter{n: 7, err: fmt.Errorf("warehouse 3: %w", ErrNotFound)}, 0, nil},
		{"a *Stock with the item", NewStock(map[string]int{"mug": 2}), 2, nil},
		{"a *Stock without the item", NewStock(map[string]int{"cap": 2}), 0, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n, err := Available(c.c, "mug")
			if n != c.want {
				if f, ok := c.c.(testFakeCounter); ok {
					t.Errorf("Count answered %d, %v; Available = %d, want %d", f.n, f.err, n, c.want)
				} else {
					t.Errorf("Available = %d, want %d", n, c.want)
				}
			}
			if c.wantErr == nil && err != nil {
				t.Errorf("Available returned the error %q, want nil: an unknown item counts as 0", err)
			}
			if c.wantErr != nil && !errors.Is(err, c.wantErr) {
				t.Errorf("Available returned the error %v, want the Counter's error %q", err, c.wantErr)
			}
		})
	}
}
