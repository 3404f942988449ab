// Package retry decides whether a failed HTTP request may be sent again.
//
// Write the three functions with switch statements: a switch on the method
// with several values in one case (case "GET", "HEAD":), and a switch with
// no value at all, whose cases are conditions (case status >= 500:).
package retry

// Idempotent reports whether sending a request with this method twice has
// the same effect as sending it once: true for GET, HEAD, OPTIONS, TRACE,
// PUT and DELETE; false for POST, PATCH and anything else. Methods are
// case-sensitive: "get" is not GET.
func Idempotent(method string) bool {
	return false // TODO
}

// RetryableStatus reports whether a response status is worth retrying:
// 408 (Request Timeout), 429 (Too Many Requests), and every 5xx status
// (500–599) except 501 (Not Implemented), which will never succeed.
func RetryableStatus(status int) bool {
	return false // TODO
}

// ShouldRetry reports whether a request that got this status may be sent
// again: only if its method is idempotent and the status is retryable.
func ShouldRetry(method string, status int) bool {
	return false // TODO
}
