// Test Can until every line of it runs under your tests. Measure it: in
// this folder, `go test -cover` prints the share of statements your tests
// ran, and `go test -coverprofile=c.out && go tool cover -html=c.out` shows
// which lines they never reached: that is where untested bugs hide.
package access

import "testing"

func TestCan(t *testing.T) {
	alice := User{ID: "alice"}
	bob := User{ID: "bob"}
	admin := User{ID: "root", Admin: true}
	suspended := User{ID: "alice", Suspended: true}
	suspendedAdmin := User{ID: "root", Admin: true, Suspended: true}

	private := Doc{Owner: "alice"}
	public := Doc{Owner: "alice", Public: true}
	locked := Doc{Owner: "alice", Locked: true}
	const unknown Action = 99

	tests := []struct {
		name string
		u    User
		a    Action
		d    Doc
		want bool
	}{
		// Rule 1: suspension beats everything.
		{"suspended owner reads own doc", suspended, Read, private, false},
		{"suspended user reads public doc", suspended, Read, public, false},
		{"suspended admin reads", suspendedAdmin, Read, public, false},
		{"suspended admin deletes", suspendedAdmin, Delete, private, false},
		// Rule 2: admins.
		{"admin reads private doc", admin, Read, private, true},
		{"admin edits locked doc", admin, Edit, locked, true},
		{"admin deletes other's doc", admin, Delete, private, true},
		// Rule 3: reading.
		{"owner reads own private doc", alice, Read, private, true},
		{"other user reads public doc", bob, Read, public, true},
		{"other user reads private doc", bob, Read, private, false},
		// Rule 4: editing.
		{"owner edits own doc", alice, Edit, private, true},
		{"owner edits own public doc", alice, Edit, public, true},
		{"owner edits own locked doc", alice, Edit, locked, false},
		{"other user edits private doc", bob, Edit, private, false},
		{"other user edits public doc", bob, Edit, public, false},
		// Rule 5: deleting.
		{"owner deletes own doc", alice, Delete, private, true},
		{"owner deletes own locked doc", alice, Delete, locked, true},
		{"other user deletes private doc", bob, Delete, private, false},
		{"other user deletes public doc", bob, Delete, public, false},
		// Rule 6: anything else.
		{"owner does unknown action", alice, unknown, private, false},
		{"other user does unknown action on public doc", bob, unknown, public, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Can(tt.u, tt.a, tt.d); got != tt.want {
				t.Errorf("Can(%+v, %v, %+v) = %t, want %t", tt.u, tt.a, tt.d, got, tt.want)
			}
		})
	}
}
