// Wrong: receives the profile before calling feed, so Load waits for the
// profile first and the two never overlap.
package page

import "fmt"

// Page is what the home page shows.
type Page struct {
	Profile string
	Feed    []string
}

type profileResult struct {
	name string
	err  error
}

// Load loads the profile and the feed at the same time and returns both. If
// either fails, Load returns the zero Page and an error that wraps the
// failure. Whatever happens, every goroutine Load starts can finish: none is
// left waiting forever.
func Load(profile func() (string, error), feed func() ([]string, error)) (Page, error) {
	results := make(chan profileResult)
	go func() {
		name, err := profile()
		results <- profileResult{name, err}
	}()
	p := <-results
	posts, err := feed()
	if err != nil {
		return Page{}, fmt.Errorf("load feed: %w", err)
	}
	if p.err != nil {
		return Page{}, fmt.Errorf("load profile: %w", p.err)
	}
	return Page{Profile: p.name, Feed: posts}, nil
}
