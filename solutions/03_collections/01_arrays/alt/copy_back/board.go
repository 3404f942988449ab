// Alternative: Place keeps the copy but assigns it back through the pointer;
// Play copies into a named result.
package board

// Board is a tic-tac-toe board: 3 rows of 3 cells. An empty cell is 0;
// players put 'X' or 'O' in cells.
type Board [3][3]byte

// Place puts mark at row, col (both 0..2) on the caller's board b.
func Place(b *Board, row, col int, mark byte) {
	board := *b
	board[row][col] = mark
	*b = board
}

// Play returns a copy of b with mark at row, col (both 0..2). The board
// the caller passed in is not changed.
func Play(b Board, row, col int, mark byte) (next Board) {
	next = b
	next[row][col] = mark
	return next
}
