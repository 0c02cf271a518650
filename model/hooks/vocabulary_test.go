package hooks

import (
	"errors"
	"strings"
	"testing"

	"github.com/warroom/warroom/model"
)

func TestRunbookConditions(t *testing.T) {
	checkout := model.Incident{Title: "Checkout API returning 500s", Severity: model.Sev1, Service: "payments", Status: model.Investigating}
	unset := checkout
	unset.Severity = model.SevUnset
	for _, tc := range []struct {
		when string
		in   model.Incident
		want bool
	}{
		{"", checkout, true},
		{"severity <= 2", checkout, true},
		{"severity <= 2", unset, false}, // not assessed yet: it waits
		{"severity == 0", unset, false},
		{`title has "checkout"`, unset, true},
		{`title has "CHECKOUT api"`, checkout, true},
		{`title has "checkout login"`, checkout, false},
		{`title has "check"`, checkout, false}, // words, not letters
		{`title == "checkout api returning 500s"`, checkout, true},
		{`service == "payments" and severity == 1`, checkout, true},
		{`service != "payments" or status == "investigating"`, checkout, true},
		{`(service == "search" or title has "500s") and severity < 2`, checkout, true},
	} {
		c, err := ParseRunbookWhen(tc.when)
		if err != nil {
			t.Fatalf("%q: %v", tc.when, err)
		}
		if got := c.Holds(tc.in); got != tc.want {
			t.Errorf("%q on %+v: %v, want %v", tc.when, tc.in, got, tc.want)
		}
	}
}

func TestRunbookConditionMistakes(t *testing.T) {
	for _, tc := range []struct{ when, want string }{
		{`event == "declared"`, `"event" is not a field; the fields are severity, title, service, status`},
		{`title has`, "at column 10"},
		{`title has ""`, `title has needs a word`},
		{`service has "x"`, "a comparison is missing after service"},
		{`service < "x"`, "service is text"},
		{`status == "resovled"`, "at column 11"},
		{`severity <= "2"`, "severity is a number"},
	} {
		_, err := ParseRunbookWhen(tc.when)
		var we *WhenError
		if !errors.As(err, &we) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.when, err, tc.want)
		}
	}
	// A hook's condition has no words to compare: has is not a comparison
	// there, and its fields are the event's.
	if _, err := parseWhen(`role has "x"`); err == nil {
		t.Error(`a hook's condition took has`)
	}
	if _, err := parseWhen(`title == "x"`); err == nil {
		t.Error("a hook's condition took the title")
	}
}
