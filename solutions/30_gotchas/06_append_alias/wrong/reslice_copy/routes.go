// Wrong: "copies" the segments with a reslice, which shares the same array, then appends.
// Exercise: append aliasing.
// Routes registered under sibling groups get each other's paths: the users
// routes end up under /api/v1/admin/orders. Find the slices that share
// memory and fix Group so that every group owns its segments.
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
	// append writes into g's backing array when it has spare capacity, so
	// two subgroups of g would share (and overwrite) the same last
	// element. Build the new slice in memory of its own.
	segments := g.segments[:len(g.segments)]
	return Group{segments: append(segments, name)}
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
