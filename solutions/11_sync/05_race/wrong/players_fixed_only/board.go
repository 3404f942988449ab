// Wrong: Players now locks, but Leader still checks stale and returns leader
// outside the lock, racing with Add and with other Leader calls.
// Board looks careful: it has a mutex, and the results look right. Yet it has
// data races, and the race detector (the tests run with -race) finds them.
// Read each report: it names the two lines that touched the same memory
// without synchronisation. Fix every race; keep Leader's cache.
package leaderboard

import (
	"cmp"
	"sync"
)

// Board keeps the scores of a game. Players score from many goroutines at
// once; the lobby asks for the leader all the time, so Leader caches it.
type Board struct {
	mu     sync.Mutex // guards every field below
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
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.scores[player]
}

// Players returns how many players have scored.
func (b *Board) Players() int {
	// Reading the length reads the map's header, which Add writes: a read
	// needs the lock as much as a write does.
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.scores)
}

// Leader returns the player with the highest score; on a tie, the one whose
// name sorts first; "" when nobody has scored.
func (b *Board) Leader() string {
	// stale and leader are read and written by many goroutines, so every
	// access is under the lock: checking stale outside it races with Add.
	if b.stale {
		b.mu.Lock()
		b.leader = best(b.scores)
		b.stale = false
		b.mu.Unlock()
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
