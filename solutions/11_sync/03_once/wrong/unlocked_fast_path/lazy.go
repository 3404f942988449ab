// Wrong: checks l.res outside the Once as a "fast path"; that read races with
// the write inside once.Do.
package lazy

import "sync"

// Resource stands for something expensive to create.
type Resource struct {
	Name string
}

// Lazy holds a Resource that is opened on the first call to Get.
type Lazy struct {
	open func() (*Resource, error)
	once sync.Once
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
	if l.res != nil {
		return l.res, nil
	}
	l.once.Do(func() { l.res, l.err = l.open() })
	return l.res, l.err
}
