package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// timedEntry is a timeline entry with its times, as export --format json
// gives it.
type timedEntry struct {
	Text     string    `json:"text"`
	Kind     string    `json:"kind"`
	Role     string    `json:"role"`
	At       time.Time `json:"at"`
	Recorded time.Time `json:"recorded"`
}

// timedEntries decodes the timeline from export --format json.
func (r *runner) timedEntries() []timedEntry {
	r.t.Helper()
	var d struct {
		Timeline []timedEntry `json:"timeline"`
	}
	if err := json.Unmarshal([]byte(r.ok("export", "--format", "json")), &d); err != nil {
		r.t.Fatal(err)
	}
	return d.Timeline
}

// TestBackdatedTextNeedsNoDashDash (issue 11, item 29): the form README and
// --help teach, `warroom log "-5m first alert fired"`, logs a backdated
// entry as it is typed, quoted or not, with flags before or after; text
// that starts with a dash and a digit is text for every verb that takes
// text.
func TestBackdatedTextNeedsNoDashDash(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	start := time.Now().UTC()
	for _, c := range []struct {
		args  []string
		text  string
		kind  string
		role  string
		delay time.Duration
	}{
		{[]string{"log", "-5m first alert fired"}, "first alert fired", "note", "", 5 * time.Minute},
		{[]string{"log", "-2h", "d:", "page", "the", "DBA"}, "page the DBA", "decision", "", 2 * time.Hour},
		{[]string{"log", "--kind", "action", "-90s rolled back"}, "rolled back", "action", "", 90 * time.Second},
		{[]string{"log", "-1m replica lag 40s", "--role", "tl"}, "replica lag 40s", "note", "tech_lead", time.Minute},
		{[]string{"--as", "bob", "log", "-3m on it"}, "on it", "note", "", 3 * time.Minute},
		{[]string{"log", "--", "-4m still works"}, "still works", "note", "", 4 * time.Minute},
	} {
		res := r.run(c.args...)
		if res.code != 0 || res.stderr != "" {
			t.Errorf("want exit 0, got:\n%s", res)
			continue
		}
		es := r.timedEntries()
		var e *timedEntry
		for i := range es {
			if es[i].Text == c.text {
				e = &es[i]
			}
		}
		if e == nil {
			t.Errorf("%q: no entry %q in %+v", c.args, c.text, es)
			continue
		}
		if e.Kind != c.kind || e.Role != c.role || e.Recorded.IsZero() {
			t.Errorf("%q: recorded %+v", c.args, *e)
		}
		if at := start.Add(-c.delay); e.At.Before(at.Add(-time.Minute)) || e.At.After(at.Add(time.Minute)) {
			t.Errorf("%q: at %v, want about %v", c.args, e.At, at)
		}
	}

	// Other verbs that take text take such text as it is.
	r.ok("task", "add", "-1 pod left: scale up")
	r.ok("theory", "add", "-30% cache hit rate since deploy")
	r.ok("customers", "report", "-5 stars: cannot pay", "--channel", "social")
	d := r.export()
	d.entryWithText(t, "-1 pod left: scale up")
	d.entryWithText(t, "-30% cache hit rate since deploy")
	d.entryWithText(t, "-5 stars: cannot pay")

	// A flag's value stays its own.
	if res := r.run("show", "--entries", "-5"); res.code != 2 || !strings.Contains(res.stderr, "--entries must be 0 (all) or more, not -5") {
		t.Errorf("show --entries -5:\n%s", res)
	}
	// Without a command, the text is not taken for a note: the error says how.
	before := r.snapshot()
	res := r.run("-5m first alert fired")
	if res.code != 2 || !strings.Contains(res.stderr, `warroom log "-5m first alert fired"`) || strings.Contains(res.stderr, "log --") {
		t.Errorf("warroom -5m…:\n%s", res)
	}
	before.unchanged(t, res)
}

// TestCustomersCountMustBePositive (issue 11, item 6): a negative or zero
// count gets an error about counts, not advice to backdate a note.
func TestCustomersCountMustBePositive(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	for _, args := range [][]string{
		{"customers", "-3"},
		{"customers", "-3", "--channel", "calls"},
		{"customers", "--channel", "calls", "-3"},
		{"customers", "+0"},
		{"customers", "0", "--lang", "es"},
	} {
		before := r.snapshot()
		res := r.run(args...)
		if res.code != 2 {
			t.Errorf("want exit 2, got:\n%s", res)
		}
		wantNotContains(t, "stderr", res.stderr, "warroom log", "backdate", "flag")
		if !strings.Contains(res.stderr, "a count of customer reports is a number of 1 or more, such as +3") &&
			!strings.Contains(res.stderr, "una cuenta de avisos de clientes es un número de 1 o más, como +3") {
			t.Errorf("%q: the error does not say a count is positive:\n%s", args, res)
		}
		before.unchanged(t, res)
	}
	wantContains(t, "+3", r.ok("customers", "+3", "--channel", "calls"), "calls 3")
}
