// Write a test that Join is correct and a benchmark that measures it with
// b.Loop. Run the benchmark with `go test -bench=. -benchmem` in this
// folder. A fast function that gives wrong answers is worthless: your test
// must fail on hidden "optimised" versions that cut corners.
package ids

// TODO: func TestJoin(t *testing.T): the cases the doc comment of Join
// promises, and the edges of numbers and separators.

// TODO: func BenchmarkJoin(b *testing.B): build 1000 IDs once, then
// `for b.Loop() { Join(ids, ",") }`.
