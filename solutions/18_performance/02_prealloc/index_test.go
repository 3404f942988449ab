package index

import (
	"fmt"
	"maps"
	"slices"
	"testing"
)

// testUsers makes n users with distinct IDs and emails.
func testUsers(n int) []User {
	us := make([]User, n)
	for i := range us {
		us[i] = User{ID: int64(1000 + 7*i), Email: fmt.Sprintf("user%d@example.org", i), Name: fmt.Sprint("User ", i)}
	}
	return us
}

func TestIDs(t *testing.T) {
	for _, n := range []int{0, 1, 3, 1000} {
		us := testUsers(n)
		got := IDs(us)
		want := make([]int64, n)
		for i, u := range us {
			want[i] = u.ID
		}
		if !slices.Equal(got, want) {
			t.Errorf("IDs(%d users) = %v…, want %v…", n, got[:min(len(got), 5)], want[:min(n, 5)])
		}
	}
}

func TestByEmail(t *testing.T) {
	for _, n := range []int{0, 1, 3, 1000} {
		us := testUsers(n)
		got := ByEmail(us)
		want := map[string]User{}
		for _, u := range us {
			want[u.Email] = u
		}
		if !maps.Equal(got, want) {
			t.Errorf("ByEmail(%d users) has %d entries, want %d, the users keyed by email", n, len(got), len(want))
		}
	}
}

func TestIDsAllocations(t *testing.T) {
	us := testUsers(1000)
	if allocs := testing.AllocsPerRun(10, func() { IDs(us) }); allocs > 1 {
		t.Errorf("IDs(1000 users) makes %.0f allocations per call, want 1: append grows a slice by reallocating and copying it whenever it is full. Start from make([]int64, 0, len(users))", allocs)
	}
}

func TestByEmailAllocations(t *testing.T) {
	us := testUsers(1000)
	// The reference: a map made with the size hint, measured in this run
	// (how many allocations that takes depends on the Go version).
	hinted := testing.AllocsPerRun(10, func() {
		m := make(map[string]User, len(us))
		for _, u := range us {
			m[u.Email] = u
		}
	})
	budget := hinted + 2
	if allocs := testing.AllocsPerRun(10, func() { ByEmail(us) }); allocs > budget {
		t.Errorf("ByEmail(1000 users) makes %.0f allocations per call, budget %.0f: a map that starts small grows in steps, rehashing its entries each time. Give the size up front: make(map[string]User, len(users))", allocs, budget)
	}
}
