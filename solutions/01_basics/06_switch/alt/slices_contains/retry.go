// Alternative: slices.Contains for the methods, and a switch on the status
// class (status / 100) with net/http's named constants.
package retry

import (
	"net/http"
	"slices"
)

var methods = []string{
	http.MethodGet, http.MethodHead, http.MethodOptions,
	http.MethodTrace, http.MethodPut, http.MethodDelete,
}

// Idempotent reports whether sending a request with this method twice has
// the same effect as sending it once: true for GET, HEAD, OPTIONS, TRACE,
// PUT and DELETE; false for POST, PATCH and anything else. Methods are
// case-sensitive: "get" is not GET.
func Idempotent(method string) bool {
	return slices.Contains(methods, method)
}

// RetryableStatus reports whether a response status is worth retrying:
// 408 (Request Timeout), 429 (Too Many Requests), and every 5xx status
// (500–599) except 501 (Not Implemented), which will never succeed.
func RetryableStatus(status int) bool {
	switch status {
	case http.StatusRequestTimeout, http.StatusTooManyRequests:
		return true
	case http.StatusNotImplemented:
		return false
	}
	return status > 0 && status/100 == 5
}

// ShouldRetry reports whether a request that got this status may be sent
// again: only if its method is idempotent and the status is retryable.
func ShouldRetry(method string, status int) bool {
	return RetryableStatus(status) && Idempotent(method)
}
