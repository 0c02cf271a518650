package model

import (
	"errors"
	"testing"
)

func TestParseWord(t *testing.T) {
	type fruit string
	fruits := []fruit{"apple", "pear", "blood_orange"}
	for _, c := range []struct {
		in   string
		want fruit
		err  string // the English error, when the word is refused
	}{
		{in: "apple", want: "apple"},
		{in: "PEAR", want: "pear"},
		{in: "  Blood_Orange\t", want: "blood_orange"},
		{in: "plum", err: `unknown fruit "plum"; valid: apple, pear, blood_orange`},
		{in: "blood orange", err: `unknown fruit "blood orange"; valid: apple, pear, blood_orange`},
		{in: "  ", err: `unknown fruit "  "; valid: apple, pear, blood_orange`},
		{in: "", err: `no fruit given; valid: apple, pear, blood_orange`},
	} {
		got, err := ParseWord("fruit", c.in, fruits)
		switch {
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("%q: got %q, %v; want %q", c.in, got, err, c.want)
		case c.err != "" && (err == nil || err.Error() != c.err || got != ""):
			t.Errorf("%q: got %q, %v; want the error %q", c.in, got, err, c.err)
		case c.err != "":
			var ie *InvalidError
			if !errors.As(err, &ie) || ie.Value != c.in || len(ie.Valid) != len(fruits) {
				t.Errorf("%q: %#v is not an InvalidError that keeps what was typed and lists the fruits", c.in, err)
			}
		}
	}
}
