package money

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	cases := []struct {
		name string
		in   Money
		want string
	}{
		{"euros and cents", Money{Cents: 1234, Currency: "EUR"}, "12.34 EUR"},
		{"cents only", Money{Cents: 5, Currency: "USD"}, "0.05 USD"},
		{"round amount", Money{Cents: 4200, Currency: "GBP"}, "42.00 GBP"},
		{"ten cents", Money{Cents: 10, Currency: "EUR"}, "0.10 EUR"},
		{"zero", Money{Currency: "EUR"}, "0.00 EUR"},
		{"negative", Money{Cents: -1050, Currency: "EUR"}, "-10.50 EUR"},
		{"negative cents only", Money{Cents: -5, Currency: "EUR"}, "-0.05 EUR"},
		{"negative whole", Money{Cents: -300, Currency: "CHF"}, "-3.00 CHF"},
		{"no currency", Money{Cents: 100}, "1.00"},
		{"zero value", Money{}, "0.00"},
		{"large amount is exact", Money{Cents: 900000000000000001, Currency: "JPY"}, "9000000000000000.01 JPY"},
		{"large negative amount is exact", Money{Cents: -900000000000000099, Currency: "JPY"}, "-9000000000000000.99 JPY"},
		{"largest amount", Money{Cents: math.MaxInt64, Currency: "EUR"}, "92233720368547758.07 EUR"},
		{"most negative amount", Money{Cents: math.MinInt64, Currency: "EUR"}, "-92233720368547758.08 EUR"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := fmt.Sprint(c.in); got != c.want {
				note := ""
				if c.in.Cents == math.MinInt64 && strings.Count(got, "-") > 1 {
					note = " (-Cents overflows for math.MinInt64 and stays negative: no int64 is as large as -math.MinInt64)"
				}
				t.Errorf("fmt.Sprint(Money{Cents: %d, Currency: %q}) = %q, want %q%s", c.in.Cents, c.in.Currency, got, c.want, note)
			}
		})
	}
}

func TestFmtUsesString(t *testing.T) {
	m := Money{Cents: 1999, Currency: "EUR"}
	cases := []struct {
		name string
		got  string
		want string
	}{
		{`fmt.Sprintf("%v", m)`, fmt.Sprintf("%v", m), "19.99 EUR"},
		{`fmt.Sprintf("%s", m)`, fmt.Sprintf("%s", m), "19.99 EUR"},
		{`fmt.Sprintf("total: %v", m)`, fmt.Sprintf("total: %v", m), "total: 19.99 EUR"},
		{`fmt.Sprint(&m)`, fmt.Sprint(&m), "19.99 EUR"},
		{`fmt.Sprint([]Money{...})`, fmt.Sprint([]Money{{Cents: 100, Currency: "EUR"}, {Cents: 250, Currency: "USD"}}), "[1.00 EUR 2.50 USD]"},
		{`fmt.Sprintf("%v", struct{ Total Money }{m})`, fmt.Sprintf("%v", struct{ Total Money }{m}), "{19.99 EUR}"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("m := Money{Cents: 1999, Currency: \"EUR\"}; %s = %q, want %q", c.name, c.got, c.want)
		}
	}
}
