// Wrong: a mutex with a nil check: it never opens twice at once, but after a
// failed open res is still nil, so every later Get calls open again.
// Lazy opens an expensive resource (a database pool, a parsed template) on
// first use. Many goroutines call Get at once, and open must run exactly
// once: the check-then-set below races and can open twice. Use sync.Once
// (or sync.OnceValues).
package lazy

import "sync"

// Resource stands for something expensive to create.
type Resource struct {
	Name string
}

// Lazy holds a Resource that is opened on the first call to Get.
//
// sync.OnceValues(open) returns a function that does all of this in one
// line; the fields below show what it does for you.
type Lazy struct {
	open func() (*Resource, error)
	mu   sync.Mutex // guards res and err
	res  *Resource
	err  error
}

// New returns a Lazy that calls open the first time Get is called. It does
// not call open itself.
func New(open func() (*Resource, error)) *Lazy {
	return &Lazy{open: open}
}

// Get returns the resource, opening it first if no Get has yet. open is
// called once in all: its result, error included, is remembered and
// returned by every later Get. Get is safe for concurrent use; a Get that
// arrives while open runs waits for it.
func (l *Lazy) Get() (*Resource, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.res == nil {
		l.res, l.err = l.open()
	}
	return l.res, l.err
}
