package basics

import "fmt"

// ANCHOR: switch
// DayType classifies a day of the week.
func DayType(day string) string {
	switch day {
	case "Saturday", "Sunday": // several values in one case
		return "weekend"
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday":
		return "weekday"
	default: // none of the cases matched
		return "unknown"
	}
}

// ANCHOR_END: switch

// ANCHOR: tagless
// Speed describes a response time in milliseconds.
func Speed(ms int) string {
	switch { // no value: each case is a condition, checked from the top
	case ms < 0:
		return "invalid"
	case ms < 100:
		return "fast"
	case ms < 1000: // only reached when ms >= 100
		return "slow"
	default:
		return "too slow"
	}
}

// ANCHOR_END: tagless

func ExampleDayType() {
	fmt.Println(DayType("Sunday"), DayType("Friday"), DayType("sunday"))
	// Output: weekend weekday unknown
}

func ExampleSpeed() {
	fmt.Println(Speed(-1), Speed(99), Speed(100), Speed(5000))
	// Output: invalid fast slow too slow
}

// ANCHOR: fallthrough
// emptyCase shows that an empty case does not fall into the next one.
func emptyCase() {
	for _, level := range []string{"error", "warn"} {
		switch level {
		case "error": // an empty case does nothing: Go never falls into the next case
		case "warn":
			fmt.Println(level, "is logged")
		}
	}
}

// ANCHOR_END: fallthrough

func Example_noFallthrough() {
	emptyCase()
	// Output: warn is logged
}
