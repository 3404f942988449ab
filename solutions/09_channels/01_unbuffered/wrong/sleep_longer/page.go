// Wrong: sleeps a whole second and hopes the profile is loaded by then.
// Sleeping orders nothing: a data race, too slow when the profile is fast and
// wrong when it is slower than the sleep.
package page

import (
	"fmt"
	"time"
)

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
	var name string
	var profileErr error
	go func() {
		name, profileErr = profile()
	}()
	posts, err := feed()
	time.Sleep(time.Second)
	if err != nil {
		return Page{}, fmt.Errorf("load feed: %w", err)
	}
	if profileErr != nil {
		return Page{}, fmt.Errorf("load profile: %w", profileErr)
	}
	return Page{Profile: name, Feed: posts}, nil
}
