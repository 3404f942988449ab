package services

import (
	"fmt"
	"time"
)

// ANCHOR: di
// Clock and Mailer are what Reminders needs from the world: small
// interfaces, declared where they are used.
type Clock interface{ Now() time.Time }

type Mailer interface {
	Send(to, subject string) error
}

// Reminders sends a reminder to users whose trial ends within three days.
type Reminders struct {
	clock  Clock
	mailer Mailer
}

// NewReminders receives its dependencies: nothing is global.
func NewReminders(clock Clock, mailer Mailer) *Reminders {
	return &Reminders{clock: clock, mailer: mailer}
}

func (r *Reminders) Remind(user string, trialEnds time.Time) error {
	left := trialEnds.Sub(r.clock.Now())
	if left < 0 || left > 3*24*time.Hour {
		return nil
	}
	msg := fmt.Sprintf("your trial ends in %.0f hours", left.Hours())
	return r.mailer.Send(user, msg)
}

// ANCHOR_END: di

// ANCHOR: fakes
// In a test, the dependencies are fakes: a clock that always says the
// same time, a mailer that prints instead of sending.
type fixedClock time.Time

func (c fixedClock) Now() time.Time { return time.Time(c) }

type printMailer struct{}

func (printMailer) Send(to, subject string) error {
	fmt.Printf("to %s: %s\n", to, subject)
	return nil
}

func Example_dependencyInjection() {
	now := time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)
	r := NewReminders(fixedClock(now), printMailer{})
	r.Remind("ada", now.Add(30*time.Hour))
	r.Remind("grace", now.Add(30*24*time.Hour)) // not yet
	// Output: to ada: your trial ends in 30 hours
}

// ANCHOR_END: fakes
