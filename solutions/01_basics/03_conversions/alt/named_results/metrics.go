// Alternative: fmt.Sprintf for the address, whole part plus fraction for the
// average, and named results in ParseWorkers.
package metrics

import (
	"fmt"
	"strconv"
)

// AverageMs returns the average latency of count requests that took totalMs
// milliseconds together, fraction included: AverageMs(7, 2) is 3.5.
// count is never 0.
func AverageMs(totalMs, count int) float64 {
	whole := totalMs / count
	rest := totalMs % count
	return float64(whole) + float64(rest)/float64(count)
}

// Addr joins a host and a port into an address: Addr("localhost", 8080) is
// "localhost:8080".
func Addr(host string, port int) string {
	return fmt.Sprintf("%s:%d", host, port)
}

// ParseWorkers reads a number of workers from configuration text such as
// "8". When the text is not a whole number, it returns 0 and the error
// strconv.Atoi reports.
func ParseWorkers(s string) (workers int, err error) {
	workers, err = strconv.Atoi(s)
	if err != nil {
		workers = 0
	}
	return
}
