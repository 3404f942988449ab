// Wrong: treats every status from 500 up as a server error, 600 included.
package retry

// Idempotent reports whether sending a request with this method twice has
// the same effect as sending it once: true for GET, HEAD, OPTIONS, TRACE,
// PUT and DELETE; false for POST, PATCH and anything else. Methods are
// case-sensitive: "get" is not GET.
func Idempotent(method string) bool {
	switch method {
	case "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE":
		return true
	default:
		return false
	}
}

// RetryableStatus reports whether a response status is worth retrying:
// 408 (Request Timeout), 429 (Too Many Requests), and every 5xx status
// (500–599) except 501 (Not Implemented), which will never succeed.
func RetryableStatus(status int) bool {
	switch {
	case status == 408, status == 429:
		return true
	case status == 501:
		return false
	case status >= 500:
		return true
	default:
		return false
	}
}

// ShouldRetry reports whether a request that got this status may be sent
// again: only if its method is idempotent and the status is retryable.
func ShouldRetry(method string, status int) bool {
	return Idempotent(method) && RetryableStatus(status)
}
