// Wrong: returns what strconv.Atoi returns as it is; on a number too large
// for an int that is the largest int, not 0, next to the error.
package metrics

import "strconv"

// AverageMs returns the average latency of count requests that took totalMs
// milliseconds together, fraction included: AverageMs(7, 2) is 3.5.
// count is never 0.
func AverageMs(totalMs, count int) float64 {
	return float64(totalMs) / float64(count)
}

// Addr joins a host and a port into an address: Addr("localhost", 8080) is
// "localhost:8080".
func Addr(host string, port int) string {
	return host + ":" + strconv.Itoa(port)
}

// ParseWorkers reads a number of workers from configuration text such as
// "8". When the text is not a whole number, it returns 0 and the error
// strconv.Atoi reports.
func ParseWorkers(s string) (int, error) {
	return strconv.Atoi(s)
}
