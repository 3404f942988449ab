// Test Can until every line of it runs under your tests. Measure it: in
// this folder, `go test -cover` prints the share of statements your tests
// ran, and `go test -coverprofile=c.out && go tool cover -html=c.out` shows
// which lines they never reached: that is where untested bugs hide.
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
		// TODO: cases until `go test -cover` says 100%, and then the
		// combinations the rules mention: a suspended admin, a locked doc…
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Can(tt.u, tt.a, tt.d); got != tt.want {
				t.Errorf("Can(%+v, %v, %+v) = %t, want %t", tt.u, tt.a, tt.d, got, tt.want)
			}
		})
	}
}
