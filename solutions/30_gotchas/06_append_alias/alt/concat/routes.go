// Builds a fresh slice with slices.Concat.
package routes

import (
	"slices"
	"strings"
)

// Group is a set of routes under a common path prefix, such as /api/v1.
// The zero Group is the root, "/".
type Group struct {
	segments []string
}

// Group returns the subgroup of g named name. g itself is unchanged, and
// any number of subgroups can be made from the same g.
func (g Group) Group(name string) Group {
	return Group{segments: slices.Concat(g.segments, []string{name})}
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
