// Exercise: wait for a goroutine's result on an unbuffered channel.
// Load loads the profile in a goroutine and then sleeps, hoping it is done: a
// data race, and a wrong page whenever the profile is slow. Send the result on
// an unbuffered channel and receive it in Load, on every path out of Load.
package page

import "fmt"

// Page is what the home page shows.
type Page struct {
	Profile string
	Feed    []string
}

// profileResult carries both results of profile over one channel.
type profileResult struct {
	name string
	err  error
}

// Load loads the profile and the feed at the same time and returns both. If
// either fails, Load returns the zero Page and an error that wraps the
// failure. Whatever happens, every goroutine Load starts can finish: none is
// left waiting forever.
func Load(profile func() (string, error), feed func() ([]string, error)) (Page, error) {
	results := make(chan profileResult) // unbuffered: a send waits for its receive
	go func() {
		name, err := profile()
		results <- profileResult{name, err}
	}()
	posts, feedErr := feed()
	// Receive before any return, even when feed failed: without a receiver
	// the goroutine would wait on its send forever.
	p := <-results
	if feedErr != nil {
		return Page{}, fmt.Errorf("load feed: %w", feedErr)
	}
	if p.err != nil {
		return Page{}, fmt.Errorf("load profile: %w", p.err)
	}
	return Page{Profile: p.name, Feed: posts}, nil
}
