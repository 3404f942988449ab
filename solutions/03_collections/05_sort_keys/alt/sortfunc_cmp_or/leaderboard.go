// Alternative: slices.Collect then slices.Sort for the names; the ranking
// uses slices.SortFunc with cmp.Or (score first, then name), so no stable
// sort is needed; the podium is checked with slices.Contains.
package leaderboard

import (
	"cmp"
	"maps"
	"slices"
	"strings"
)

// Names returns the players in scores (its keys) in alphabetical order.
// With no players it returns an empty (or nil) slice.
func Names(scores map[string]int) []string {
	names := slices.Collect(maps.Keys(scores))
	slices.Sort(names)
	return names
}

// Ranking returns the players ordered by score, highest first. Players
// with equal scores are in alphabetical order.
func Ranking(scores map[string]int) []string {
	list := slices.Collect(maps.Keys(scores))
	slices.SortFunc(list, func(a, b string) int {
		return cmp.Or(cmp.Compare(scores[b], scores[a]), strings.Compare(a, b))
	})
	return list
}

// Rank returns the position of name in Ranking(scores), counting from 1,
// or 0 when name is not a player.
func Rank(scores map[string]int, name string) int {
	if _, ok := scores[name]; !ok {
		return 0
	}
	return slices.Index(Ranking(scores), name) + 1
}

// OnPodium reports whether name is one of the first three players of
// Ranking(scores).
func OnPodium(scores map[string]int, name string) bool {
	top := Ranking(scores)
	if len(top) > 3 {
		top = top[:3]
	}
	return slices.Contains(top, name)
}
