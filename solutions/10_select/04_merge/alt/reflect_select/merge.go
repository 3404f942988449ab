// Uses reflect.Select over the open inputs and drops a case once its channel is closed.
package merge

import "reflect"

// Merge returns a channel that yields every value from a and b as soon as it
// arrives, and that is closed once both a and b are closed.
func Merge(a, b <-chan string) <-chan string {
	out := make(chan string)
	go run([]<-chan string{a, b}, out)
	return out
}

func run(ins []<-chan string, out chan<- string) {
	defer close(out)
	var cases []reflect.SelectCase
	for _, in := range ins {
		cases = append(cases, reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(in)})
	}
	for len(cases) > 0 {
		i, v, ok := reflect.Select(cases)
		if !ok {
			cases = append(cases[:i], cases[i+1:]...)
			continue
		}
		out <- v.String()
	}
}
