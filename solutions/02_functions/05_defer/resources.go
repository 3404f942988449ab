// Exercise: defer and its order.
// WithResources releases resources in the wrong order, forgets them when
// an acquire fails, and skips them when work panics. Rewrite it with
// defer: deferred calls run last-in, first-out, on every way out.
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
	for _, name := range names {
		if err := acquire(name); err != nil {
			return err // the deferred releases run now, newest first
		}
		// Only after a successful acquire. The argument name is evaluated
		// here, so each deferred call remembers its own resource.
		defer release(name)
	}
	work()
	return nil
}
