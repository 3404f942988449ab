// Uses a channel with room for one result, so Load may return early on a feed error.
package page

import "fmt"

// Page is what the home page shows.
type Page struct {
	Profile string
	Feed    []string
}

type result struct {
	name string
	err  error
}

// Load loads the profile and the feed at the same time and returns both. If
// either fails, Load returns the zero Page and an error that wraps the
// failure. Whatever happens, every goroutine Load starts can finish: none is
// left waiting forever.
func Load(profile func() (string, error), feed func() ([]string, error)) (Page, error) {
	ch := make(chan result, 1)
	go func() {
		name, err := profile()
		ch <- result{name, err}
	}()
	posts, err := feed()
	if err != nil {
		return Page{}, fmt.Errorf("load feed: %w", err)
	}
	r := <-ch
	if r.err != nil {
		return Page{}, fmt.Errorf("load profile: %w", r.err)
	}
	return Page{Profile: r.name, Feed: posts}, nil
}
