// Package metrics turns raw numbers into what a dashboard shows.
//
// This file does not compile: Go never converts between types by itself.
// Fix each function with an explicit conversion such as float64(n), or a
// function of the strconv package. Careful: not every fix that compiles is
// right, and the tests will tell you.
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
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, err
	}
	return n, nil
}
