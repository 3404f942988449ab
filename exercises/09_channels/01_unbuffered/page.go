// Exercise: wait for a goroutine's result on an unbuffered channel.
// Load loads the profile in a goroutine and then sleeps, hoping it is done: a
// data race, and a wrong page whenever the profile is slow. Send the result on
// an unbuffered channel and receive it in Load, on every path out of Load.
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
	if err != nil {
		return Page{}, fmt.Errorf("load feed: %w", err)
	}
	time.Sleep(50 * time.Millisecond) // TODO: wait for the goroutine, not the clock
	if profileErr != nil {
		return Page{}, fmt.Errorf("load profile: %w", profileErr)
	}
	return Page{Profile: name, Feed: posts}, nil
}
