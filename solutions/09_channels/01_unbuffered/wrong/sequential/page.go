// Wrong: loads the profile, then the feed: correct, but it takes as long as
// both together.
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
	name, err := profile()
	if err != nil {
		return Page{}, fmt.Errorf("load profile: %w", err)
	}
	posts, err := feed()
	if err != nil {
		return Page{}, fmt.Errorf("load feed: %w", err)
	}
	return Page{Profile: name, Feed: posts}, nil
}
