// Package access decides who may do what with a document.
package access

// An Action is something a user wants to do with a document.
type Action int

// The actions. Any other Action value is unknown, and always refused.
const (
	Read Action = iota + 1
	Edit
	Delete
)

// A User is the person asking.
type User struct {
	ID        string
	Admin     bool
	Suspended bool
}

// A Doc is a document, owned by the user whose ID is Owner.
type Doc struct {
	Owner  string
	Public bool
	Locked bool
}

// Can reports whether user u may perform action a on document d. The rules,
// in this order:
//
//  1. A suspended user may do nothing, even an admin.
//  2. An admin may do everything else.
//  3. Anyone may read a public document; only its owner may read a private one.
//  4. Only the owner may edit a document, and only while it is not locked.
//  5. Only the owner may delete a document, locked or not, public or not.
//  6. Any other action is refused.
func Can(u User, a Action, d Doc) bool {
	if u.Suspended {
		return false
	}
	if u.Admin {
		return true
	}
	owner := u.ID == d.Owner
	switch a {
	case Read:
		return d.Public || owner
	case Edit:
		return owner && !d.Locked
	case Delete:
		return owner
	default:
		return false
	}
}
