package signup

import (
	"errors"
	"testing"
)

func TestCheckValid(t *testing.T) {
	valid := []Request{
		{Username: "ada", Email: "ada@example.com"},
		{Username: "grace hopper", Email: "grace@navy.mil"},
	}
	for _, r := range valid {
		err := Check(r)
		if err != nil {
			t.Errorf("Check(%+v) = %#v (of type %T), want nil: an error interface holding a nil pointer is not nil", r, err, err)
		}
	}
}

func TestCheckInvalid(t *testing.T) {
	cases := []struct {
		name      string
		in        Request
		wantField string
	}{
		{"empty username", Request{Username: "", Email: "ada@example.com"}, "username"},
		{"blank username", Request{Username: "   ", Email: "ada@example.com"}, "username"},
		{"email without @", Request{Username: "ada", Email: "ada.example.com"}, "email"},
		{"username checked first", Request{Username: "", Email: "nope"}, "username"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Check(c.in)
			var fe *FieldError
			if !errors.As(err, &fe) || fe == nil {
				t.Fatalf("Check(%+v) = %#v, want a *FieldError for the field %q", c.in, err, c.wantField)
			}
			if fe.Field != c.wantField {
				t.Errorf("Check(%+v) reported the field %q, want %q", c.in, fe.Field, c.wantField)
			}
		})
	}
}
