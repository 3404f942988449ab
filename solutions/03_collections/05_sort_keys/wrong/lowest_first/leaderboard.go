// Wrong: Ranking puts the lowest score first.
// Exercise: the slices and maps packages.
// Ranging over a map visits keys in a random order. Give the leaderboard a
// stable order with maps.Keys, slices.Sorted and slices.SortStableFunc, and
// query it with slices.Index and slices.Contains.
package leaderboard

import (
	"cmp"
	"maps"
	"slices"
)

// Names returns the players in scores (its keys) in alphabetical order.
// With no players it returns an empty (or nil) slice.
func Names(scores map[string]int) []string {
	return slices.Sorted(maps.Keys(scores))
}

// Ranking returns the players ordered by score, highest first. Players
// with equal scores are in alphabetical order.
func Ranking(scores map[string]int) []string {
	names := Names(scores)
	// A stable sort keeps the alphabetical order among equal scores.
	slices.SortStableFunc(names, func(a, b string) int {
		return cmp.Compare(scores[a], scores[b])
	})
	return names
}

// Rank returns the position of name in Ranking(scores), counting from 1,
// or 0 when name is not a player.
func Rank(scores map[string]int, name string) int {
	return slices.Index(Ranking(scores), name) + 1 // Index is -1 when absent
}

// OnPodium reports whether name is one of the first three players of
// Ranking(scores).
func OnPodium(scores map[string]int, name string) bool {
	ranking := Ranking(scores)
	return slices.Contains(ranking[:min(3, len(ranking))], name)
}
