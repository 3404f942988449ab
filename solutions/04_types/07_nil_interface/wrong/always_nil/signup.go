// Wrong: returns nil every time, valid request or not.
// Exercise: the nil-interface trap.
//
// Check rejects every request, even valid ones: when nothing is wrong it
// returns a nil *FieldError as an error, and an interface that holds a nil
// pointer is not nil. Fix Check so that a valid request gets a plain nil.
package signup

// Request is a sign-up form.
type Request struct {
	Username string
	Email    string
}

// FieldError reports the first invalid field of a Request.
type FieldError struct {
	Field   string
	Problem string
}

func (e *FieldError) Error() string {
	return e.Field + ": " + e.Problem
}

// Check returns nil when r is valid, and a *FieldError naming the first
// invalid field otherwise: "username" when it is blank, "email" when it has
// no "@".
func Check(r Request) error {
	_ = r
	return nil
}
