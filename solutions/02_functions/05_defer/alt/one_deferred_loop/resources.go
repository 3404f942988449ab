// Alternative: one deferred function releases the list of what was
// acquired, walking it backwards with slices.Backward.
package resources

import "slices"

// WithResources acquires the named resources one after another by calling
// acquire(name), then calls work, then releases every acquired resource by
// calling release(name), in reverse order: the last one acquired is the
// first one released.
//
// If acquire fails for a name, WithResources does not call work: it
// releases the resources acquired so far (in reverse order, and never the
// one whose acquire failed) and returns that error. If work panics, every
// acquired resource is still released and the panic goes on to the caller.
func WithResources(names []string, acquire func(name string) error, release func(name string), work func()) error {
	var held []string
	defer func() {
		for _, name := range slices.Backward(held) {
			release(name)
		}
	}()
	for _, name := range names {
		if err := acquire(name); err != nil {
			return err
		}
		held = append(held, name)
	}
	work()
	return nil
}
