// The first caller (chosen by an atomic CompareAndSwap) opens and closes a ready channel the others wait on.
package lazy

import "sync/atomic"

// Resource stands for something expensive to create.
type Resource struct {
	Name string
}

// Lazy holds a Resource that is opened on the first call to Get.
type Lazy struct {
	open    func() (*Resource, error)
	started atomic.Bool
	ready   chan struct{}
	res     *Resource
	err     error
}

// New returns a Lazy that calls open the first time Get is called. It does
// not call open itself.
func New(open func() (*Resource, error)) *Lazy {
	return &Lazy{open: open, ready: make(chan struct{})}
}

// Get returns the resource, opening it first if no Get has yet. open is
// called once in all: its result, error included, is remembered and
// returned by every later Get. Get is safe for concurrent use; a Get that
// arrives while open runs waits for it.
func (l *Lazy) Get() (*Resource, error) {
	if l.started.CompareAndSwap(false, true) {
		l.res, l.err = l.open()
		close(l.ready)
	}
	<-l.ready
	return l.res, l.err
}
