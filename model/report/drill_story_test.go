package report

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
)

// The drill of README's quick start, replayed with a bot logging every
// second for ten minutes (issue 20, "done when"): its review holds the
// people's entries and one line for the bot, and its clocks are the
// marks; a member who joined late reads a catch-up.

// drillStep is one change of the drill, at its offset from t0.
type drillStep struct {
	at  time.Duration
	who string
	op  model.Op
}

// quickStartDrill plays the drill up to until and returns the incident.
func quickStartDrill(t *testing.T, until time.Duration) model.State {
	t.Helper()
	min := func(m, s int) time.Duration { return time.Duration(m)*time.Minute + time.Duration(s)*time.Second }
	db := model.RoleRef{Role: "tech_lead", Workstream: "database"}
	ext := model.RoleRef{Role: "communications_manager", Workstream: "external"}
	sme := model.RoleRef{Role: "subject_matter_expert"}
	var task, decision string // filled in as the drill goes
	steps := []drillStep{
		{min(0, 0), "alice", model.Declare{Title: "Checkout API returning 500s", Severity: model.Sev1, Commander: "alice"}},
		{min(0, 5), "alice", model.SetPolicy{Rule: "bots", Value: "pagerbot"}},
		{min(0, 20), "alice", model.Mark{Milestone: model.MilestoneImpact, At: t0.Add(-6 * time.Minute)}},
		{min(0, 30), "alice", model.Mark{Milestone: model.MilestoneDetected, At: t0.Add(-2 * time.Minute)}},
		{min(1, 0), "alice", model.Handoff{Role: db, To: "bob", Note: "primary is flapping; runbook DB-7"}},
		{min(1, 30), "alice", model.Handoff{Role: ext, To: "carol"}},
		{min(1, 45), "bob", model.Accept{Role: db}},
		{min(2, 0), "alice", model.Log{Text: "error rate 38%, all regions"}},
		{min(2, 30), "alice", model.TaskAdd{Title: "Roll back deploy 142", Role: db}},
		{min(3, 0), "bob", nil}, // task start, once the task has its id
		{min(3, 10), "carol", model.Accept{Role: ext}},
		{min(4, 0), "alice", model.SetStatus{Status: model.Identified}},
		{min(4, 30), "alice", model.SetSummary{Summary: "Card payments fail at checkout since deploy 142; rolling back."}},
		{min(5, 0), "carol", model.CommsUpdate{Audience: model.AudienceExternal, Text: "We are investigating failed card payments at checkout."}},
		{min(6, 0), "bob", model.Log{Kind: model.KindDecision, Role: db, Text: "Roll back deploy 142 rather than raise the pool size live."}},
		{min(6, 10), "alice", nil}, // pin the decision
		{min(7, 0), "bob", nil},    // task done
		{min(7, 30), "alice", model.SetStatus{Status: model.Monitoring}},
		{min(8, 0), "alice", model.Handoff{Role: sme, To: "dave", Note: "watch the pool while the rollback settles"}},
		{min(8, 30), "alice", model.Mark{Milestone: model.MilestoneMitigated, At: t0.Add(min(7, 0))}},
		{min(9, 0), "carol", model.CommsUpdate{Audience: model.AudienceExternal, Text: "A fix is in; we are monitoring."}},
		{min(9, 20), "dave", model.Accept{Role: sme}},
		{min(10, 30), "alice", model.SetStatus{Status: model.Resolved}},
	}
	for i := 1; i <= 600; i++ {
		steps = append(steps, drillStep{time.Duration(i) * time.Second, "pagerbot", model.Log{Text: fmt.Sprintf("heartbeat %d: checkout p99 1.2s", i)}})
	}
	slices.SortStableFunc(steps, func(a, b drillStep) int { return int(a.at - b.at) })
	c := model.DefaultCatalog()
	ids := &model.SeqIDs{}
	var s model.State
	for _, st := range steps {
		if st.at > until {
			break
		}
		op := st.op
		switch {
		case op == nil && st.at == min(3, 0):
			op = model.TaskSet{Task: task, State: model.TaskInProgress}
		case op == nil && st.at == min(6, 10):
			op = model.Pin{Entry: decision}
		case op == nil:
			op = model.TaskSet{Task: task, State: model.TaskDone}
		}
		next, entries, err := s.Apply(c, op, model.Env{Now: t0.Add(st.at), Actor: st.who, Replica: "drill", IDs: ids})
		if err != nil {
			t.Fatalf("%T at %v: %v", op, st.at, err)
		}
		s = next
		for _, e := range entries {
			switch e.Kind {
			case model.KindTaskAdded:
				task = e.Task
			case model.KindDecision:
				decision = e.ID
			}
		}
	}
	return s
}

// TestDrillReviewTellsThePeoplesStory: the review of the drill holds
// every entry of the people and one line for the bot, whose 600
// heartbeats are not in it; its clocks are the marks, and say so.
func TestDrillReviewTellsThePeoplesStory(t *testing.T) {
	s := quickStartDrill(t, time.Hour)
	o := opts()
	o.Now = t0.Add(time.Hour)
	out := Markdown(s, o)
	golden(t, "drill-review.md", out)
	es := o
	es.Lang = "es"
	golden(t, "drill-review.es.md", Markdown(s, es))

	_, tl, _ := strings.Cut(out, "\n## Timeline\n")
	var people, bot int
	for _, l := range strings.Split(tl, "\n") {
		switch {
		case strings.Contains(l, "| pagerbot |"):
			bot++
		case strings.HasPrefix(l, "| 2026-"):
			people++
		}
	}
	want := 0
	for _, e := range s.Timeline {
		if e.By != "pagerbot" {
			want++
		}
	}
	if bot != 1 || people != want || strings.Contains(out, "heartbeat") {
		t.Errorf("the timeline has %d rows of the people's (want %d) and %d of the bot's (want 1)", people, want, bot)
	}
	row(t, tl, "2026-11-25 14:00:01 UTC", "pagerbot", "bot",
		"600 entries, until 2026-11-25 14:10:00 UTC; left out of this review (`warroom export --all` lists every entry)")
	marks := s.Milestones()
	row(t, out, "Impact started", o.stamp(marks[model.MilestoneImpact].At)+" (marked)")
	row(t, out, "Time to detect", "4m, at "+o.stamp(marks[model.MilestoneDetected].At)+" (marked)")
	row(t, out, "Time to acknowledge", "6m, at 2026-11-25 14:00:00 UTC (inferred from the declaration)")
	row(t, out, "Time to mitigate", "13m, at "+o.stamp(marks[model.MilestoneMitigated].At)+" (marked)")
	row(t, out, "Time to resolve", "16m, at 2026-11-25 14:10:30 UTC (from the status)")
	row(t, out, "Last entry", "2026-11-25 14:10:30 UTC")
}

// TestDrillCatchUpForTheLateJoiner: dave, handed a role eight minutes
// in, opens his screen at 14:08:10 and reads the whole incident so far:
// his handoff first among the role changes, the key moment, and the
// bot as one line.
func TestDrillCatchUpForTheLateJoiner(t *testing.T) {
	s := quickStartDrill(t, 8*time.Minute+10*time.Second)
	o := opts()
	o.Now = t0.Add(8*time.Minute + 10*time.Second)
	c := CatchUpFor(s, "dave", time.Time{}, time.Time{}, o)
	out := CatchUp(s, c, o)
	golden(t, "drill-catchup.txt", out)
	es := o
	es.Lang = "es"
	golden(t, "drill-catchup.es.txt", CatchUp(s, c, es))
	for _, want := range []string{
		"Catch-up for dave: the whole incident so far",
		"Roles\n  14:08  alice  handed Subject matter expert from alice to dave: watch the pool while the rollback settles\n",
		"Key moments\n",
		"pagerbot (bot): 490 entries",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the catch-up lacks %q:\n%s", want, out)
		}
	}
}
