// Alternative: recursion, one resource per call: acquire it, defer its
// release, and let the rest of the list (then work) run inside.
package resources

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
	if len(names) == 0 {
		work()
		return nil
	}
	first := names[0]
	if err := acquire(first); err != nil {
		return err
	}
	defer release(first)
	return WithResources(names[1:], acquire, release, work)
}
