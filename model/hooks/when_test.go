package hooks

import (
	"errors"
	"strings"
	"testing"

	"github.com/warroom/warroom/model"
)

func TestWhenHolds(t *testing.T) {
	sev1 := Event{Event: model.EventSeverity, Old: "2", New: "1", Actor: "alice", Incident: Incident{Severity: 1, Status: "investigating"}}
	resolved := Event{Event: model.EventResolved, Old: "monitoring", New: "resolved", Actor: "bob", Incident: Incident{Severity: 2, Status: "resolved"}}
	handoff := Event{Event: model.EventHandoff, Old: "alice", New: "bob", Role: "tech_lead", Workstream: "database", Incident: Incident{Severity: 0, Status: "identified"}}
	update := Event{Event: model.EventUpdateSent, Audience: "external", New: "we are on it", Incident: Incident{Severity: 3}}
	for _, tc := range []struct {
		when string
		ev   Event
		want bool
	}{
		{"severity == 1", sev1, true},
		{"severity == 1", resolved, false},
		{"severity <= 2", resolved, true},
		{"severity < 2", resolved, false},
		{"severity > 0", handoff, false},
		{"severity >= 3", update, true},
		{"severity != 0", sev1, true},
		{`status == "resolved"`, resolved, true},
		{`status == "RESOLVED"`, resolved, true},
		{`status != "resolved"`, sev1, true},
		{`role == "tech_lead"`, handoff, true},
		{`role == "tech_lead" and workstream == "network"`, handoff, false},
		{`role == "tech_lead" and workstream == "database"`, handoff, true},
		{`old == "2" and new == "1"`, sev1, true},
		{`actor == "alice" or actor == "carol"`, resolved, false},
		{`event == "severity" or event == "resolved"`, resolved, true},
		{`audience == "external"`, update, true},
		// and binds tighter than or.
		{`severity == 1 or severity == 2 and status == "investigating"`, resolved, false},
		{`severity == 1 or severity == 2 and status == "resolved"`, resolved, true},
		{`(severity == 1 or severity == 2) and status == "investigating"`, resolved, false},
		{`((severity == 2))`, resolved, true},
		{`task == ""`, sev1, true},
	} {
		c, err := parseWhen(tc.when)
		if err != nil {
			t.Errorf("%s: %v", tc.when, err)
			continue
		}
		if got := c.holds(tc.ev); got != tc.want {
			t.Errorf("%s on %s: %v, want %v", tc.when, tc.ev.Event, got, tc.want)
		}
	}
	if c, err := parseWhen("   "); c != nil || err != nil {
		t.Errorf("an empty condition: %v, %v", c, err)
	}
}

// TestWhenRefusesAnythingElse: anything but comparisons joined by and and
// or is refused, with the column where it goes wrong.
func TestWhenRefusesAnythingElse(t *testing.T) {
	for _, tc := range []struct {
		when string
		col  int
		says string
	}{
		{"severity = 1", 10, "write == to compare"},
		{"severity == 1 && status == \"resolved\"", 15, "write and to join"},
		{"severity == 1 || severity == 2", 15, "write or to join"},
		{"!(severity == 1)", 1, "there is no !"},
		{"not severity == 1", 1, "there is no not"},
		{"sev == 1", 1, `"sev" is not a field; the fields are event, severity, status`},
		{"severity == \"1\"", 13, "severity is a number"},
		{"severity == 4", 13, "a severity is 0 (unset), 1, 2 or 3"},
		{"status == resolved", 11, `status is text: quote the value, as in status == "resolved"`},
		{"status > \"resolved\"", 8, "compare it with == or !="},
		{"status == 'resolved'", 11, "quote text with \""},
		{"status == \"resolved", 11, "this text is not closed"},
		{"status == \"resolvd\"", 11, `unknown status "resolvd"`},
		{"event == \"sev\"", 10, `unknown event "sev"`},
		{"audience == \"press\"", 13, `unknown audience "press"`},
		{"severity == 1 severity == 2", 15, `"severity" after a whole condition`},
		{"severity == 1 and", 18, "a comparison is missing here"},
		{"(severity == 1", 1, "this ( is not closed"},
		{"severity 1", 10, "a comparison is missing after severity"},
		{"severity == 1 ; rm -rf /", 15, `";" has no place in a condition`},
		{"$(touch x)", 1, `"$" has no place`},
		{"role == \"tl\" and ñ", 18, `"ñ" has no place`},
		{strings.Repeat("(", 20) + "severity == 1" + strings.Repeat(")", 20), 17, "more than 16 parentheses"},
		{strings.Repeat("x", 501), 501, "at most 500 characters"},
	} {
		_, err := parseWhen(tc.when)
		var we *WhenError
		if !errors.As(err, &we) {
			t.Errorf("%s: %v, want a *WhenError", tc.when, err)
			continue
		}
		if we.Col != tc.col || !strings.Contains(we.Error(), tc.says) {
			t.Errorf("%s: column %d %q, want column %d saying %q", tc.when, we.Col, we.Error(), tc.col, tc.says)
		}
	}
}

// FuzzWhen: no condition, however made up, makes the parser fail other
// than with a *WhenError, or a condition that parses fail to evaluate.
func FuzzWhen(f *testing.F) {
	for _, s := range []string{"severity == 1", `status == "resolved" and role != "scribe"`, "((", `"\"`, "severity >= -", "a == \"\\\\\""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := parseWhen(s)
		var we *WhenError
		switch {
		case err != nil && !errors.As(err, &we):
			t.Fatalf("%q: %v (%T)", s, err, err)
		case err == nil && c != nil:
			c.holds(Event{})
		}
	})
}
