// Wrong: avoids the deadlock by dropping the goroutines: the checks run one
// after another, so ten slow backends take ten times as long.
// Exercise: channel deadlocks.
// CheckAll hangs forever as soon as there is a backend to check. Find the
// send that can never complete and fix CheckAll so that it returns every
// result, with the checks still running concurrently.
package health

// CheckAll runs check for every backend concurrently and returns each
// backend's result (nil when the backend is healthy), keyed by backend name.
// Backend names are unique.
func CheckAll(backends []string, check func(backend string) error) map[string]error {
	statuses := make(map[string]error, len(backends))
	for _, b := range backends {
		statuses[b] = check(b)
	}
	return statuses
}
