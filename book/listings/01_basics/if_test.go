package basics

import (
	"fmt"
	"strconv"
)

// ANCHOR: if
// DiskAlert says how worried to be about a disk that is percent full.
func DiskAlert(percent int) string {
	if percent >= 95 {
		return "critical"
	} else if percent >= 80 {
		return "warning"
	} else {
		return "ok"
	}
}

// ANCHOR_END: if

// ANCHOR: early
// DiskAlertEarly is DiskAlert written with early returns, the usual Go
// style: each if handles one case and leaves, so no else is needed.
func DiskAlertEarly(percent int) string {
	if percent >= 95 {
		return "critical"
	}
	if percent >= 80 {
		return "warning"
	}
	return "ok"
}

// ANCHOR_END: early

func ExampleDiskAlert() {
	fmt.Println(DiskAlert(97), DiskAlert(80), DiskAlert(79))
	fmt.Println(DiskAlertEarly(97), DiskAlertEarly(80), DiskAlertEarly(79))
	// Output:
	// critical warning ok
	// critical warning ok
}

// ANCHOR: init
// parsePorts handles a result and its error in one if.
func parsePorts() {
	for _, text := range []string{"8080", "80a"} {
		if port, err := strconv.Atoi(text); err != nil {
			fmt.Println("not a port:", text)
		} else {
			fmt.Println("port", port)
		}
		// port and err do not exist here: they belong to the if
	}
}

// ANCHOR_END: init

func Example_ifInit() {
	parsePorts()
	// Output:
	// port 8080
	// not a port: 80a
}

// ANCHOR: logic
// combineConditions joins conditions with &&, || and !.
func combineConditions() {
	code := 404
	isError := code >= 400 && code <= 599 // && : both must be true
	isOdd := code == 301 || code == 302   // || : at least one
	fmt.Println(isError, isOdd, !isError) // ! : not
}

// ANCHOR_END: logic

func Example_logic() {
	combineConditions()
	// Output: true false false
}
