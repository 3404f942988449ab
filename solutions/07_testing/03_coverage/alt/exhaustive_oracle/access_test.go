// Checks every combination of user flags, action and document flags against an oracle written from the rules.
package access

import (
	"fmt"
	"testing"
)

// want restates the documented rules, one at a time, in their order.
func want(u User, a Action, d Doc) bool {
	switch {
	case u.Suspended:
		return false
	case u.Admin:
		return true
	case a == Read:
		return d.Public || u.ID == d.Owner
	case a == Edit:
		return u.ID == d.Owner && !d.Locked
	case a == Delete:
		return u.ID == d.Owner
	}
	return false
}

func TestCanEveryCombination(t *testing.T) {
	bools := []bool{false, true}
	for _, id := range []string{"owner", "stranger"} {
		for _, admin := range bools {
			for _, suspended := range bools {
				for _, public := range bools {
					for _, locked := range bools {
						for _, a := range []Action{0, Read, Edit, Delete, 4, 99, -1} {
							u := User{ID: id, Admin: admin, Suspended: suspended}
							d := Doc{Owner: "owner", Public: public, Locked: locked}
							name := fmt.Sprintf("%s admin=%t suspended=%t action=%d public=%t locked=%t", id, admin, suspended, a, public, locked)
							t.Run(name, func(t *testing.T) {
								if got, w := Can(u, a, d), want(u, a, d); got != w {
									t.Errorf("Can(%+v, %d, %+v) = %t, want %t", u, a, d, got, w)
								}
							})
						}
					}
				}
			}
		}
	}
}
