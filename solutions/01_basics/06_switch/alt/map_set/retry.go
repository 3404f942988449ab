// Alternative: the idempotent methods are a map used as a set, and the
// statuses are checked with if statements instead of switches.
package retry

var idempotent = map[string]bool{
	"GET": true, "HEAD": true, "OPTIONS": true,
	"TRACE": true, "PUT": true, "DELETE": true,
}

// Idempotent reports whether sending a request with this method twice has
// the same effect as sending it once: true for GET, HEAD, OPTIONS, TRACE,
// PUT and DELETE; false for POST, PATCH and anything else. Methods are
// case-sensitive: "get" is not GET.
func Idempotent(method string) bool {
	return idempotent[method]
}

// RetryableStatus reports whether a response status is worth retrying:
// 408 (Request Timeout), 429 (Too Many Requests), and every 5xx status
// (500–599) except 501 (Not Implemented), which will never succeed.
func RetryableStatus(status int) bool {
	if status == 408 || status == 429 {
		return true
	}
	return status >= 500 && status <= 599 && status != 501
}

// ShouldRetry reports whether a request that got this status may be sent
// again: only if its method is idempotent and the status is retryable.
func ShouldRetry(method string, status int) bool {
	if !Idempotent(method) {
		return false
	}
	return RetryableStatus(status)
}
