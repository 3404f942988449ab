package registration

import (
	"errors"
	"slices"
	"testing"
)

// testFieldErrors walks the tree of err (through Unwrap() error and
// Unwrap() []error, as errors.Is does) and returns every *FieldError in it,
// in order.
func testFieldErrors(err error) []*FieldError {
	if err == nil {
		return nil
	}
	var out []*FieldError
	if fe, ok := err.(*FieldError); ok {
		out = append(out, fe)
	}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		out = append(out, testFieldErrors(u.Unwrap())...)
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			out = append(out, testFieldErrors(e)...)
		}
	}
	return out
}

func testFields(fes []*FieldError) []string {
	var out []string
	for _, fe := range fes {
		out = append(out, fe.Field)
	}
	return out
}

func TestValidateValid(t *testing.T) {
	valid := []Form{
		{Name: "Ada", Email: "ada@example.com", Age: 36},
		{Name: "Grace", Email: "grace@navy.mil", Age: 18},
		{Name: " Linus ", Email: "l@kernel.org", Age: 130},
	}
	for _, f := range valid {
		if err := Validate(f); err != nil {
			t.Errorf("Validate(%#v) = %q (of type %T), want nil", f, err, err)
		}
	}
}

func TestValidateReportsAll(t *testing.T) {
	cases := []struct {
		name string
		in   Form
		want []string
	}{
		{"blank name", Form{Name: "  ", Email: "a@b.c", Age: 30}, []string{"name"}},
		{"bad email", Form{Name: "Ada", Email: "ada.example.com", Age: 30}, []string{"email"}},
		{"too young", Form{Name: "Ada", Email: "a@b.c", Age: 17}, []string{"age"}},
		{"too old", Form{Name: "Ada", Email: "a@b.c", Age: 131}, []string{"age"}},
		{"name and age", Form{Name: "", Email: "a@b.c", Age: 0}, []string{"name", "age"}},
		{"email and age", Form{Name: "Ada", Email: "", Age: -1}, []string{"email", "age"}},
		{"everything", Form{}, []string{"name", "email", "age"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Validate(c.in)
			if err == nil {
				t.Fatalf("Validate(%#v) = nil, want errors for %q", c.in, c.want)
			}
			got := testFields(testFieldErrors(err))
			if !slices.Equal(got, c.want) {
				t.Errorf("Validate(%#v) reported *FieldErrors for %q, want %q; the error was:\n%v", c.in, got, c.want, err)
			}
		})
	}
}

func TestValidateErrorsAs(t *testing.T) {
	err := Validate(Form{Name: "Ada", Email: "nope", Age: 5})
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("errors.As(err, &fieldErr) found no *FieldError in %q", err)
	}
	if fe.Field != "email" {
		t.Errorf("errors.As found the *FieldError for %q first, want %q (fields in the order name, email, age)", fe.Field, "email")
	}
	for _, fe := range testFieldErrors(err) {
		if fe.Problem == "" {
			t.Errorf("the *FieldError for %q has an empty Problem", fe.Field)
		}
	}
}
