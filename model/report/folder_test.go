package report

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	history "github.com/warroom/warroom/model/sample"
)

// historyEnd is when the history of the tests ends.
var historyEnd = time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)

// filed is the sample history of n incidents, as a folder holds them.
func filed(t *testing.T, n int) []Filed {
	t.Helper()
	hs, err := history.History(model.DefaultCatalog(), historyEnd, &model.SeqIDs{}, n)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]Filed, len(hs))
	for i, s := range hs {
		out[i] = Filed{Path: "incidents/" + s.Incident.ID + ".toml", State: s}
	}
	return out
}

func folderOpts(lang string) Options {
	return Options{Catalog: model.DefaultCatalog(), Lang: i18n.Lang(lang), Loc: time.UTC, Now: historyEnd}
}

func TestStatsGolden(t *testing.T) {
	ins := filed(t, 20)
	for _, lang := range []string{"en", "es"} {
		st := ComputeStats(ins, StatsOptions{Options: folderOpts(lang)})
		name := "stats.txt"
		if lang == "es" {
			name = "stats.es.txt"
		}
		golden(t, name, StatsText(st, folderOpts(lang)))
	}
	st := ComputeStats(ins, StatsOptions{Options: folderOpts("en"), Drills: true})
	if st.Incidents != 20 || st.Drills != 1 || !strings.Contains(StatsText(st, folderOpts("en")), "1 drill counted among them") {
		t.Errorf("with drills: %d incidents, %d drills", st.Incidents, st.Drills)
	}
	data, err := json.Marshal(ComputeStats(ins, StatsOptions{Options: folderOpts("en")}))
	if err != nil || !strings.Contains(string(data), `"severity":"all"`) || !strings.Contains(string(data), `"p90_seconds"`) {
		t.Errorf("JSON: %s %v", data, err)
	}
}

// TestStatsMeasureFromTheMilestones: the numbers are the review's clocks
// (Timings), marked or inferred, and a bot is no incident manager.
func TestStatsMeasureFromTheMilestones(t *testing.T) {
	c := model.DefaultCatalog()
	t0 := historyEnd.Add(-10 * time.Hour)
	var s model.State
	at := t0
	do := func(d time.Duration, who string, op model.Op) {
		t.Helper()
		at = at.Add(d)
		next, _, err := s.Apply(c, op, model.Env{Now: at, Actor: who, IDs: &model.SeqIDs{}})
		if err != nil {
			t.Fatal(err)
		}
		s = next
	}
	do(0, "pagerbot", model.Declare{Title: "Disk full", Severity: model.Sev2, Commander: "pagerbot", Policy: func() model.Policy {
		p := model.DefaultPolicy()
		p.Bots = "pagerbot"
		return p
	}()})
	do(0, "pagerbot", model.Mark{Milestone: model.MilestoneImpact, At: t0.Add(-10 * time.Minute)})
	do(5*time.Minute, "pagerbot", model.Handoff{Role: model.RoleRef{Role: model.IncidentManager}, To: "alice"})
	do(time.Minute, "alice", model.Accept{Role: model.RoleRef{Role: model.IncidentManager}})
	do(14*time.Minute, "alice", model.SetStatus{Status: model.Monitoring})
	do(0, "alice", model.SetSummary{Summary: "disk cleaned"})
	do(40*time.Minute, "alice", model.SetStatus{Status: model.Resolved, Force: true, Reason: "test"})
	st := ComputeStats([]Filed{{State: s}}, StatsOptions{Options: folderOpts("en")})
	g := st.BySeverity[0]
	// alice held it from the handoff, 5m in, to the resolve, 60m in. The
	// impact started 10m before the declaration: acknowledged at it
	// (inferred), mitigated at the move to monitoring (inferred), 30m
	// after; resolved 40m later.
	if g.Acknowledge.P50 != 10*time.Minute || g.Acknowledge.Inferred != 1 || g.Mitigate.P50 != 30*time.Minute ||
		g.Mitigate.Inferred != 1 || g.Resolve.P50 != 70*time.Minute || g.Resolve.Inferred != 0 {
		t.Errorf("%+v", g)
	}
	if len(st.Managers) != 1 || st.Managers[0].Name != "alice" || st.Managers[0].Held != 55*time.Minute {
		t.Errorf("managers: %+v", st.Managers)
	}
}

func TestPercentileIsTheNearestRank(t *testing.T) {
	ds := []time.Duration{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	if p50, p90 := percentile(ds, 50), percentile(ds, 90); p50 != 5 || p90 != 9 {
		t.Errorf("p50 %v, p90 %v", p50, p90)
	}
	if p := percentile(ds[:1], 90); p != 1 {
		t.Errorf("one: %v", p)
	}
}

func TestIncidentListPutsTheOpenFirstThenTheNewest(t *testing.T) {
	ins := filed(t, 6)
	rows := IncidentRows(ins, historyEnd)
	var order []string
	for _, r := range rows {
		order = append(order, r.ID)
	}
	want := []string{ins[0].State.Incident.ID, ins[1].State.Incident.ID, ins[2].State.Incident.ID,
		ins[3].State.Incident.ID, ins[4].State.Incident.ID, ins[5].State.Incident.ID}
	if strings.Join(order, " ") != strings.Join(want, " ") || !rows[0].Open || rows[2].Open || rows[2].Resolved.IsZero() {
		t.Fatalf("order %v, want %v", order, want)
	}
	out := IncidentList(rows, []Unread{{Path: "broken.toml", Err: errors.New("broken.toml:3:1: expected a key")}},
		[]Unread{{Path: "config.toml"}}, folderOpts("en"))
	for _, want := range []string{"INCIDENT MANAGER", "Checkout API returning 500s", "50m+", "1 file could not be read:\n  broken.toml:3:1: expected a key",
		"1 file is not an incident:\n  config.toml"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
}

func TestOpenFollowUpsOverdueFirst(t *testing.T) {
	fus := OpenFollowUps(filed(t, 20), folderOpts("en"))
	if len(fus) == 0 || !fus[0].Overdue || fus[len(fus)-1].Overdue {
		t.Fatalf("%+v", fus)
	}
	seenNotOverdue := false
	for _, f := range fus {
		if f.Done {
			t.Errorf("a follow-up done: %s", f.ID)
		}
		if seenNotOverdue && f.Overdue {
			t.Errorf("an overdue one after one that is not: %s", f.ID)
		}
		seenNotOverdue = seenNotOverdue || !f.Overdue
	}
	out := FollowUpsAcross(fus, nil, folderOpts("en"))
	if !strings.Contains(out, "OVERDUE") || !strings.Contains(out, "nobody") || !strings.Contains(out, "OPS-4") {
		t.Errorf("%s", out)
	}
}

func TestSearchFindsEntriesAcrossIncidents(t *testing.T) {
	found := Search(filed(t, 10), "ROLLED", folderOpts("en"))
	if len(found) < 2 {
		t.Fatalf("%d found", len(found))
	}
	for i, f := range found {
		if !strings.Contains(strings.ToLower(f.Says), "rolled") {
			t.Errorf("%q does not match", f.Says)
		}
		if i > 0 && f.Entry.At.After(found[i-1].Entry.At) {
			t.Error("not newest first")
		}
	}
	if out := SearchText(nil, nil, folderOpts("es")); out != "Nada coincide.\n" {
		t.Errorf("%q", out)
	}
}
