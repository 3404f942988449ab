// Limits the capacity with a full slice expression so that append always copies.
package routes

import "strings"

// Group is a set of routes under a common path prefix, such as /api/v1.
// The zero Group is the root, "/".
type Group struct {
	segments []string
}

// Group returns the subgroup of g named name. g itself is unchanged, and
// any number of subgroups can be made from the same g.
func (g Group) Group(name string) Group {
	n := len(g.segments)
	// Capacity n: append must copy into an array of the new group's own.
	return Group{segments: append(g.segments[:n:n], name)}
}

// Path returns the full path of route inside g: for the group /api/v1 and
// route "users/{id}", "/api/v1/users/{id}".
func (g Group) Path(route string) string {
	var b strings.Builder
	for _, s := range g.segments {
		b.WriteString("/" + s)
	}
	b.WriteString("/" + route)
	return b.String()
}
