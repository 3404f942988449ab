// Runs profile and feed each in its own goroutine, two unbuffered channels, and always receives both.
package page

import "fmt"

// Page is what the home page shows.
type Page struct {
	Profile string
	Feed    []string
}

// Load loads the profile and the feed at the same time and returns both. If
// either fails, Load returns the zero Page and an error that wraps the
// failure. Whatever happens, every goroutine Load starts can finish: none is
// left waiting forever.
func Load(profile func() (string, error), feed func() ([]string, error)) (Page, error) {
	type named struct {
		name string
		err  error
	}
	type posts struct {
		feed []string
		err  error
	}
	pc := make(chan named)
	fc := make(chan posts)
	go func() {
		n, err := profile()
		pc <- named{n, err}
	}()
	go func() {
		f, err := feed()
		fc <- posts{f, err}
	}()
	f := <-fc
	p := <-pc
	if f.err != nil {
		return Page{}, fmt.Errorf("load feed: %w", f.err)
	}
	if p.err != nil {
		return Page{}, fmt.Errorf("load profile: %w", p.err)
	}
	return Page{Profile: p.name, Feed: f.feed}, nil
}
