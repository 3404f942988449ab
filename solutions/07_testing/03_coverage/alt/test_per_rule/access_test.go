// One test function per numbered rule, each checking both an allowed and a refused case.
package access

import "testing"

var (
	owner    = User{ID: "olga"}
	stranger = User{ID: "sam"}
	admin    = User{ID: "ada", Admin: true}
	doc      = Doc{Owner: "olga"}
)

func check(t *testing.T, u User, a Action, d Doc, want bool) {
	t.Helper()
	if got := Can(u, a, d); got != want {
		t.Errorf("Can(%+v, %d, %+v) = %t, want %t", u, a, d, got, want)
	}
}

func TestRule1SuspendedMayDoNothing(t *testing.T) {
	for _, u := range []User{{ID: "olga", Suspended: true}, {ID: "ada", Admin: true, Suspended: true}} {
		for _, a := range []Action{Read, Edit, Delete} {
			check(t, u, a, Doc{Owner: "olga", Public: true}, false)
		}
	}
}

func TestRule2AdminMayDoEverything(t *testing.T) {
	for _, a := range []Action{Read, Edit, Delete} {
		check(t, admin, a, Doc{Owner: "olga", Locked: true}, true)
	}
}

func TestRule3Read(t *testing.T) {
	check(t, stranger, Read, Doc{Owner: "olga", Public: true}, true)
	check(t, stranger, Read, doc, false)
	check(t, owner, Read, doc, true)
}

func TestRule4Edit(t *testing.T) {
	check(t, owner, Edit, doc, true)
	check(t, owner, Edit, Doc{Owner: "olga", Locked: true}, false)
	check(t, stranger, Edit, Doc{Owner: "olga", Public: true}, false)
}

func TestRule5Delete(t *testing.T) {
	check(t, owner, Delete, Doc{Owner: "olga", Public: true, Locked: true}, true)
	check(t, stranger, Delete, doc, false)
	check(t, stranger, Delete, Doc{Owner: "olga", Public: true}, false)
}

func TestRule6UnknownAction(t *testing.T) {
	for _, a := range []Action{0, Delete + 1, 99} {
		check(t, owner, a, Doc{Owner: "olga", Public: true}, false)
	}
}
