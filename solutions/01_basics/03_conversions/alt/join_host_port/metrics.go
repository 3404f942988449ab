// Alternative: converts into float64 variables first, joins with
// net.JoinHostPort, and zeroes the number when Atoi reports an error.
package metrics

import (
	"net"
	"strconv"
)

// AverageMs returns the average latency of count requests that took totalMs
// milliseconds together, fraction included: AverageMs(7, 2) is 3.5.
// count is never 0.
func AverageMs(totalMs, count int) float64 {
	total, n := float64(totalMs), float64(count)
	return total / n
}

// Addr joins a host and a port into an address: Addr("localhost", 8080) is
// "localhost:8080".
func Addr(host string, port int) string {
	return net.JoinHostPort(host, strconv.Itoa(port))
}

// ParseWorkers reads a number of workers from configuration text such as
// "8". When the text is not a whole number, it returns 0 and the error
// strconv.Atoi reports.
func ParseWorkers(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		n = 0
	}
	return n, err
}
