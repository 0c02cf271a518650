package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestSetTitleAndSummary (issue 11, item 18): the title and the summary
// change after the declaration, each change recorded in the timeline;
// asking for what they already are changes nothing; bad text is refused
// and changes nothing.
func TestSetTitleAndSummary(t *testing.T) {
	f := newFixture(t)
	e := f.do("bob", SetTitle{Title: "  Card payments failing at checkout  "})
	if f.s.Incident.Title != "Card payments failing at checkout" {
		t.Errorf("title %q", f.s.Incident.Title)
	}
	if len(e) != 1 || e[0].Kind != KindTitle || e[0].Text != "Card payments failing at checkout" ||
		e[0].From != "Checkout API returning 500s" || e[0].By != "bob" {
		t.Errorf("title entry %+v", e)
	}
	e = f.do("bob", SetSummary{Summary: "Card payments fail since deploy 142.\nRolled back at 14:20.\n"})
	if f.s.Incident.Summary != "Card payments fail since deploy 142.\nRolled back at 14:20." {
		t.Errorf("summary %q", f.s.Incident.Summary)
	}
	if len(e) != 1 || e[0].Kind != KindSummary || e[0].Text != f.s.Incident.Summary {
		t.Errorf("summary entry %+v", e)
	}
	if c := f.s.Incident.Clock; c.Title.Compare(c.Severity) <= 0 || c.Summary.Compare(c.Title) <= 0 {
		t.Errorf("clocks not moved: %+v", c)
	}

	for _, op := range []Op{SetTitle{Title: "Card payments failing at checkout"}, SetSummary{Summary: f.s.Incident.Summary + "  "}} {
		var u *UnchangedError
		if _, err := f.try("bob", op); !errors.As(err, &u) {
			t.Errorf("%+v: %v, want nothing changed", op, err)
		}
	}
	e = f.do("bob", SetSummary{})
	if f.s.Incident.Summary != "" || e[0].Kind != KindSummary || e[0].Text != "" {
		t.Errorf("cleared summary %q, entry %+v", f.s.Incident.Summary, e[0])
	}
	var u *UnchangedError
	if _, err := f.try("bob", SetSummary{Summary: " \n "}); !errors.As(err, &u) || !strings.Contains(err.Error(), "no summary to clear") {
		t.Errorf("clearing no summary: %v", err)
	}

	before := f.s
	for _, bad := range []Op{
		SetTitle{}, SetTitle{Title: " \t"}, SetTitle{Title: strings.Repeat("x", MaxTitle+1)}, SetTitle{Title: "bad \xff"},
		SetSummary{Summary: strings.Repeat("x", MaxEntry+1)}, SetSummary{Summary: "bad \xff"},
	} {
		var te *TextError
		if _, err := f.try("bob", bad); !errors.As(err, &te) {
			t.Errorf("%T: %v, want a text error", bad, err)
		}
	}
	if len(f.s.Timeline) != len(before.Timeline) || f.s.Incident != before.Incident {
		t.Error("refused changes changed the incident")
	}
	if _, _, err := (State{}).Apply(f.c, SetTitle{Title: "x"}, f.env("bob")); err == nil {
		t.Error("a title was set with no incident declared")
	}
}

// TestMergeTitleAndSummaryChangedApart: two copies that changed the title
// (or one the title and the other the summary) apart keep the later change
// of each field, and every change stays in the timeline.
func TestMergeTitleAndSummaryChangedApart(t *testing.T) {
	base := newFixture(t).s
	a := apart(t, base, SetTitle{Title: "From a"}, "alice", "a", time.Minute)
	a = apart(t, a, SetSummary{Summary: "summary from a"}, "alice", "a", 2*time.Minute)
	b := apart(t, base, SetTitle{Title: "From b"}, "bob", "b", 3*time.Minute)
	ab, ba := mustMerge(t, a, b), mustMerge(t, b, a)
	for _, m := range []State{ab, ba} {
		if m.Incident.Title != "From b" || m.Incident.Summary != "summary from a" {
			t.Errorf("merged title %q summary %q, want the later title and the only summary", m.Incident.Title, m.Incident.Summary)
		}
		var titles []string
		for _, e := range m.Timeline {
			if e.Kind == KindTitle {
				titles = append(titles, e.Text)
			}
		}
		if strings.Join(titles, ",") != "From a,From b" {
			t.Errorf("title entries %v: the losing change must stay in the timeline", titles)
		}
	}
}
