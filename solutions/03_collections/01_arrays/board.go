// Exercise: arrays are values.
// Assigning an array or passing it to a function copies all of it. Place
// must change the caller's board, but it changes a copy: fix it. Then
// write Play, which must return a new board and leave the caller's alone.
package board

// Board is a tic-tac-toe board: 3 rows of 3 cells. An empty cell is 0;
// players put 'X' or 'O' in cells.
type Board [3][3]byte

// Place puts mark at row, col (both 0..2) on the caller's board b.
func Place(b *Board, row, col int, mark byte) {
	b[row][col] = mark // b is a pointer: this writes to the caller's board
}

// Play returns a copy of b with mark at row, col (both 0..2). The board
// the caller passed in is not changed.
func Play(b Board, row, col int, mark byte) Board {
	b[row][col] = mark // b is already a copy
	return b
}
