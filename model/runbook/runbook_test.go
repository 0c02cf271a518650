package runbook

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/i18n/i18ntest"
)

const checkout = `name = "Checkout outage"
owner = "alice"
review = 2027-03-01
when = "severity <= 2 and title has \"checkout\""

[[step]]
task = "Check the payment provider's status page"
role = "comms"
timebox = "10m"

[[step]]
note = "Deploys are frozen until the incident is resolved"

[[step]]
task = "Page the database on-call"
role = "tl/database"
`

func TestParseReadsARunbook(t *testing.T) {
	b, err := Parse("runbooks/checkout.toml", []byte(checkout), nil)
	if err != nil {
		t.Fatal(err)
	}
	if b.Name != "Checkout outage" || b.Owner != "alice" || b.Review != "2027-03-01" || b.When != `severity <= 2 and title has "checkout"` || len(b.Steps) != 3 {
		t.Fatalf("%+v", b)
	}
	s := b.Steps
	if s[0].Role != (model.RoleRef{Role: model.CommunicationsManager}) || s[0].Within != 10*time.Minute || s[1].Note == "" ||
		s[2].Role != (model.RoleRef{Role: model.TechLead, Workstream: "database"}) {
		t.Errorf("steps: %+v", s)
	}
	sev1 := model.Incident{Title: "Checkout API returning 500s", Severity: model.Sev1}
	if !b.Matches(sev1) || b.Matches(model.Incident{Title: "Login slow", Severity: model.Sev1}) {
		t.Error("when")
	}
	if b.OutOfDate(time.Date(2027, 3, 1, 23, 0, 0, 0, time.UTC)) || !b.OutOfDate(time.Date(2027, 3, 2, 0, 0, 0, 0, time.UTC)) {
		t.Error("out of date from the day after its review date")
	}
	// Without a name, the file names it; without a when, it is for every
	// incident.
	b, err = Parse("runbooks/any.toml", []byte("[[step]]\nnote = \"x\"\n"), nil)
	if err != nil || b.Name != "any" || !b.Matches(model.Incident{}) {
		t.Errorf("%+v %v", b, err)
	}
}

// TestParseRefusesMistakesWithTheirLine: each mistake is named with the
// file, the line and the key, and no runbook comes back.
func TestParseRefusesMistakesWithTheirLine(t *testing.T) {
	for _, tc := range []struct{ change, with, want string }{
		{`role = "comms"`, `role = "chef"`, "checkout.toml:8: [[step]] 1, role: "},
		{`timebox = "10m"`, `timebox = "ten"`, "checkout.toml:9: [[step]] 1, timebox: give a quoted duration"},
		{`timebox = "10m"`, `timebox = "800h"`, "checkout.toml:9: [[step]] 1, timebox: 800h is longer than a time box can be"},
		{`when = "severity <= 2 and title has \"checkout\""`, `when = "severity <= 9"`, "checkout.toml:4: when: at column 13: severity 9"},
		{`when = "severity <= 2 and title has \"checkout\""`, `when = "service = \"x\""`, "checkout.toml:4: when: at column 9: write =="},
		{`review = 2027-03-01`, `review = "next year"`, "checkout.toml:3: review: write the date as YYYY-MM-DD"},
		{`owner = "alice"`, `owners = "alice"`, "checkout.toml:2: owners: unknown key"},
		{`note = "Deploys are frozen until the incident is resolved"`, `note = "x"` + "\ntimebox = \"5m\"", "checkout.toml:13: [[step]] 2, timebox: a note has no time box"},
		{`note = "Deploys are frozen until the incident is resolved"`, `nothing = 1`, "checkout.toml:12: [[step]] 2, nothing: unknown key"},
		{`task = "Page the database on-call"`, `task = "x"` + "\nnote = \"y\"", "checkout.toml:14: [[step]] 3: a step is a task or a note, not both"},
		{`name = "Checkout outage"`, `name = "Checkout` + "\n", "checkout.toml:1:"},
	} {
		data := strings.Replace(checkout, tc.change, tc.with, 1)
		b, err := Parse("runbooks/checkout.toml", []byte(data), nil)
		var re *Error
		if !errors.As(err, &re) || !strings.Contains(err.Error(), tc.want) || b.Name != "" {
			t.Errorf("%s → %s: %v, want %q", tc.change, tc.with, err, tc.want)
		}
	}
	if _, err := Parse("r.toml", []byte("name = \"x\"\n"), nil); err == nil || !strings.Contains(err.Error(), "r.toml:1: no steps") {
		t.Errorf("no steps: %v", err)
	}
}

func TestReadDirsKeepsTheFirstOfANameAndRefusesTheBroken(t *testing.T) {
	dir := t.TempDir()
	team, mine := filepath.Join(dir, "incidents", Dir), filepath.Join(dir, "config", Dir)
	for path, data := range map[string]string{
		filepath.Join(team, "checkout.toml"): checkout,
		filepath.Join(team, "broken.toml"):   "[[step]]\nrole = \"comms\"\n",
		filepath.Join(team, "notes.txt"):     "not a runbook",
		filepath.Join(mine, "mine.toml"):     "name = \"CHECKOUT OUTAGE\"\n[[step]]\nnote = \"mine\"\n",
		filepath.Join(mine, "extra.toml"):    "[[step]]\nnote = \"extra\"\n",
	} {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := ReadDirs(nil, Folders(filepath.Join(dir, "incidents"), filepath.Join(dir, "config", "config.toml"))...)
	var names []string
	for _, b := range s.Books {
		names = append(names, b.Name)
	}
	if strings.Join(names, ",") != "Checkout outage,extra" || len(s.Problems) != 2 {
		t.Fatalf("books %v, problems %v", names, s.Problems)
	}
	if !strings.Contains(s.Problems[0].Error(), "broken.toml:1: [[step]] 1: a step needs a task or a note") ||
		!strings.Contains(s.Problems[1].Error(), "mine.toml:1: name: \"CHECKOUT OUTAGE\" is the name of") {
		t.Errorf("problems: %v", s.Problems)
	}
	if b, ok := s.Find("checkout outage"); !ok || b.Path != filepath.Join(team, "checkout.toml") {
		t.Errorf("find: %+v", b)
	}
	if got := ReadDirs(nil, filepath.Join(dir, "none")); len(got.Books)+len(got.Problems) != 0 {
		t.Errorf("a folder that does not exist: %+v", got)
	}
}

func TestEveryMessageHasSpanish(t *testing.T) {
	lits, err := i18ntest.Literals(".", i18ntest.Spec{Calls: map[string]int{"M": 0, "fail": 2, "bad": 1, "wrong": 0}})
	if err != nil {
		t.Fatal(err)
	}
	if len(lits) < 20 {
		t.Fatalf("found only %d messages in the source", len(lits))
	}
	for _, m := range i18ntest.Missing(lits, "es") {
		t.Errorf("no Spanish for %s", m)
	}
	_ = i18n.Spanish
}
