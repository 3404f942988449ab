package variables

import "testing"

func TestDescribe(t *testing.T) {
	n, s, b := Describe()
	if n != 0 || s != "" || b {
		t.Errorf("Describe() = %d, %q, %t; want 0, \"\", false", n, s, b)
	}
}
