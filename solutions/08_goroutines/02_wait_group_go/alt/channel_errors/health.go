// Gathers one failed flag per host from a buffered channel instead of a WaitGroup.
package health

type result struct {
	i      int
	failed bool
}

// Down checks every host at the same time and returns the hosts whose check
// failed, in the order of hosts (nil or empty when every host is up).
func Down(hosts []string, check func(host string) error) []string {
	ch := make(chan result, len(hosts))
	for i, host := range hosts {
		go func() { ch <- result{i, check(host) != nil} }()
	}
	failed := make([]bool, len(hosts))
	for range hosts {
		r := <-ch
		failed[r.i] = r.failed
	}
	var down []string
	for i, f := range failed {
		if f {
			down = append(down, hosts[i])
		}
	}
	return down
}
