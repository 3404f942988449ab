// Wrong: reaches 100% coverage, but never tries a suspended admin or a
// locked document, the combinations the rules single out.
package access

import "testing"

func TestCan(t *testing.T) {
	alice := User{ID: "alice"}
	bob := User{ID: "bob"}
	private := Doc{Owner: "alice"}
	public := Doc{Owner: "alice", Public: true}

	tests := []struct {
		name string
		u    User
		a    Action
		d    Doc
		want bool
	}{
		{"owner reads own private doc", alice, Read, private, true},
		{"other user reads public doc", bob, Read, public, true},
		{"other user reads private doc", bob, Read, private, false},
		{"suspended user", User{ID: "alice", Suspended: true}, Read, private, false},
		{"admin", User{ID: "root", Admin: true}, Delete, private, true},
		{"owner edits", alice, Edit, private, true},
		{"other user edits", bob, Edit, private, false},
		{"owner deletes", alice, Delete, private, true},
		{"other user deletes public doc", bob, Delete, public, false},
		{"unknown action", bob, Action(99), public, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Can(tt.u, tt.a, tt.d); got != tt.want {
				t.Errorf("Can(%+v, %v, %+v) = %t, want %t", tt.u, tt.a, tt.d, got, tt.want)
			}
		})
	}
}
