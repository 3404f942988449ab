// Wrong: switches to a RWMutex and lets Leader recompute the cache under the
// read lock; two Leaders hold RLock together and both write leader and stale.
package leaderboard

import (
	"cmp"
	"sync"
)

// Board keeps the scores of a game. Players score from many goroutines at
// once; the lobby asks for the leader all the time, so Leader caches it.
type Board struct {
	mu     sync.RWMutex // guards every field below
	scores map[string]int
	leader string // Leader's cached answer, valid while stale is false
	stale  bool
}

// New returns an empty Board.
func New() *Board {
	return &Board{scores: make(map[string]int)}
}

// Add adds points to player's score.
func (b *Board) Add(player string, points int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.scores[player] += points
	b.stale = true
}

// Score returns player's score (0 for an unknown player).
func (b *Board) Score(player string) int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.scores[player]
}

// Players returns how many players have scored.
func (b *Board) Players() int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return len(b.scores)
}

// Leader returns the player with the highest score; on a tie, the one whose
// name sorts first; "" when nobody has scored.
func (b *Board) Leader() string {
	b.mu.RLock()
	defer b.mu.RUnlock()
	if b.stale {
		b.leader = best(b.scores)
		b.stale = false
	}
	return b.leader
}

// best returns the leader of scores.
func best(scores map[string]int) string {
	leader, top := "", 0
	for name, score := range scores {
		if leader == "" || score > top || (score == top && cmp.Less(name, leader)) {
			leader, top = name, score
		}
	}
	return leader
}
