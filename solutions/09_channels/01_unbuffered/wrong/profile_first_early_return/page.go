// Wrong: runs both loaders in goroutines with unbuffered channels, but returns
// as soon as the profile fails, so the feed goroutine waits forever to send.
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

type feedResult struct {
	posts []string
	err   error
}

// Load loads the profile and the feed at the same time and returns both. If
// either fails, Load returns the zero Page and an error that wraps the
// failure. Whatever happens, every goroutine Load starts can finish: none is
// left waiting forever.
func Load(profile func() (string, error), feed func() ([]string, error)) (Page, error) {
	profiles := make(chan profileResult)
	feeds := make(chan feedResult)
	go func() {
		name, err := profile()
		profiles <- profileResult{name, err}
	}()
	go func() {
		posts, err := feed()
		feeds <- feedResult{posts, err}
	}()
	p := <-profiles
	if p.err != nil {
		return Page{}, fmt.Errorf("load profile: %w", p.err)
	}
	f := <-feeds
	if f.err != nil {
		return Page{}, fmt.Errorf("load feed: %w", f.err)
	}
	return Page{Profile: p.name, Feed: f.posts}, nil
}
