package pipelines

import (
	"container/heap"
	"fmt"
)

// ANCHOR: heap
// item is the next value of one sorted input.
type item struct {
	val, src int
}

// minHeap orders items by value, then by input: the heap is not stable,
// so ties need the input index to come out in a fixed order.
type minHeap []item

func (h minHeap) Len() int { return len(h) }
func (h minHeap) Less(i, j int) bool {
	if h[i].val != h[j].val {
		return h[i].val < h[j].val
	}
	return h[i].src < h[j].src
}
func (h minHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x any)   { *h = append(*h, x.(item)) }
func (h *minHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// mergeSorted merges sorted inputs, calling next(i) for input i's next
// value (ok false when it has ended). It holds one value per input.
func mergeSorted(k int, next func(i int) (int, bool), emit func(int)) {
	h := &minHeap{}
	for i := range k {
		if v, ok := next(i); ok {
			heap.Push(h, item{v, i})
		}
	}
	for h.Len() > 0 {
		top := heap.Pop(h).(item)
		emit(top.val)
		if v, ok := next(top.src); ok { // refill from the same input
			heap.Push(h, item{v, top.src})
		}
	}
}

// ANCHOR_END: heap

func Example_mergeSorted() {
	inputs := [][]int{{1, 4, 9}, {}, {2, 3, 10}, {4}}
	next := func(i int) (int, bool) {
		if len(inputs[i]) == 0 {
			return 0, false
		}
		v := inputs[i][0]
		inputs[i] = inputs[i][1:]
		return v, true
	}
	mergeSorted(len(inputs), next, func(v int) { fmt.Print(v, " ") })
	fmt.Println()
	// Output: 1 2 3 4 4 9 10
}
