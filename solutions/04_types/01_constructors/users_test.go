package users

import "testing"

// testNoPanic runs f and turns a panic into a test failure that says what
// panicked, instead of crashing every test.
func testNoPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%s panicked: %v", what, r)
		}
	}()
	f()
}

func TestNewUser(t *testing.T) {
	cases := []struct {
		name, inName, inEmail string
		want                  User
	}{
		{"plain", "Ada", "ada@example.com", User{Name: "Ada", Email: "ada@example.com", Role: "member"}},
		{"name is trimmed", "  Grace Hopper \t", "grace@navy.mil", User{Name: "Grace Hopper", Email: "grace@navy.mil", Role: "member"}},
		{"unicode name", " Zoë ", "zoe@example.org", User{Name: "Zoë", Email: "zoe@example.org", Role: "member"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u, err := NewUser(c.inName, c.inEmail)
			if err != nil {
				t.Fatalf("NewUser(%q, %q) returned the error %q, want no error", c.inName, c.inEmail, err)
			}
			if u == nil {
				t.Fatalf("NewUser(%q, %q) returned a nil *User and no error", c.inName, c.inEmail)
			}
			if *u != c.want {
				t.Errorf("NewUser(%q, %q) = %#v, want %#v", c.inName, c.inEmail, *u, c.want)
			}
		})
	}
}

func TestNewUserRejects(t *testing.T) {
	cases := []struct {
		name, inName, inEmail string
	}{
		{"empty name", "", "ada@example.com"},
		{"name of spaces only", "   ", "ada@example.com"},
		{"email without @", "Ada", "ada.example.com"},
		{"empty email", "Ada", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u, err := NewUser(c.inName, c.inEmail)
			if err == nil {
				t.Fatalf("NewUser(%q, %q) returned no error, want one", c.inName, c.inEmail)
			}
			if u != nil {
				t.Errorf("NewUser(%q, %q) returned the user %#v with its error, want a nil *User", c.inName, c.inEmail, *u)
			}
		})
	}
}

func TestZeroDirectory(t *testing.T) {
	ada := &User{Name: "Ada", Email: "ada@example.com", Role: "member"}
	grace := &User{Name: "Grace", Email: "grace@example.com", Role: "member"}
	ada2 := &User{Name: "Ada Lovelace", Email: "ada@example.com", Role: "admin"}

	var d Directory
	if n := d.Len(); n != 0 {
		t.Fatalf("a zero Directory has Len() = %d, want 0", n)
	}
	if u, ok := d.Get("ada@example.com"); ok || u != nil {
		t.Fatalf("Get on a zero Directory = (%v, %v), want (nil, false)", u, ok)
	}
	testNoPanic(t, "Add on a zero Directory (var d Directory; d.Add(u))", func() { d.Add(ada) })
	d.Add(grace)
	if u, ok := d.Get("ada@example.com"); !ok || u != ada {
		t.Errorf("after Add(ada), Get(%q) = (%v, %v), want (%v, true)", "ada@example.com", u, ok, ada)
	}
	if n := d.Len(); n != 2 {
		t.Errorf("after adding two users, Len() = %d, want 2", n)
	}
	d.Add(ada2)
	if u, _ := d.Get("ada@example.com"); u != ada2 {
		t.Errorf("after adding a second user with the same email, Get returned %+v, want the second one, %+v", u, ada2)
	}
	if n := d.Len(); n != 2 {
		t.Errorf("after replacing a user, Len() = %d, want 2", n)
	}
}

func TestDirectoriesAreIndependent(t *testing.T) {
	var a, b Directory
	testNoPanic(t, "Add on a zero Directory", func() {
		a.Add(&User{Name: "Ada", Email: "ada@example.com", Role: "member"})
		b.Add(&User{Name: "Grace", Email: "grace@example.com", Role: "member"})
	})
	if n := b.Len(); n != 1 {
		t.Errorf("two zero Directories a and b, one user added to each: b.Len() = %d, want 1 (does every Directory get its own map?)", n)
	}
	if _, ok := b.Get("ada@example.com"); ok {
		t.Errorf("a user added to Directory a is found in Directory b (does every Directory get its own map?)")
	}
}
