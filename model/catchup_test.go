package model

import (
	"testing"
	"time"
)

// TestCatchUpReadsTheTimelineSince (issue 20, item 6): what changed since
// carol last took part, sorted into the parts a catch-up has: the role
// changes that concern her first, tasks given to her apart, the bots'
// entries counted by bot, everything else counted.
func TestCatchUpReadsTheTimelineSince(t *testing.T) {
	f := newFixture(t)
	f.do("alice", SetPolicy{Rule: "bots", Value: "pagerbot"})
	f.do("carol", Log{Text: "on the bridge"})
	since, ok := f.s.LastTookPart("Carol")
	if !ok || !since.Equal(t0.Add(2*time.Minute)) {
		t.Fatalf("carol last took part at %v (%v)", since, ok)
	}
	tl := ref("tech_lead", "")
	f.do("alice", Handoff{Role: tl, To: "dave"})
	f.do("alice", Handoff{Role: ref("communications_manager", ""), To: "carol"})
	f.do("alice", SetStatus{Status: Identified})
	f.do("alice", TaskAdd{Title: "Post the status page", Role: ref("communications_manager", "")})
	f.do("alice", TaskAdd{Title: "Page payments", Owner: "carol"})
	roll := f.do("alice", TaskAdd{Title: "Roll back", Role: tl})[0]
	f.do("dave", TaskSet{Task: roll.Task, State: TaskDone})
	f.do("dave", Log{Kind: KindTheory, Text: "pool exhausted"})
	f.do("dave", TheorySet{Theory: f.s.Theories[0].ID, State: TheoryConfirmed})
	decision := f.do("alice", Log{Kind: KindDecision, Text: "roll back 142"})[0]
	plain := f.do("alice", Log{Kind: KindDecision, Text: "no feature freeze"})[0]
	f.do("alice", Pin{Entry: decision.ID})
	f.do("alice", Mark{Milestone: MilestoneImpact, At: t0.Add(-5 * time.Minute)})
	f.do("bob", Log{Text: "replica lag 40s"})
	f.do("bob", Log{Text: "lag back to 2s"})
	for range 4 {
		f.do("pagerbot", Log{Text: "heartbeat"})
	}
	f.do("alice", CommsUpdate{Audience: AudienceExternal, Text: "We are investigating."})

	c := f.s.CatchUp(since, "carol", f.s.Bots())
	kinds := func(es []Entry) []Kind {
		var out []Kind
		for _, e := range es {
			out = append(out, e.Kind)
		}
		return out
	}
	if len(c.Roles) != 2 || c.Roles[0].To != "carol" || c.Roles[1].To != "dave" {
		t.Errorf("roles %+v, want carol's handoff first", c.Roles)
	}
	if len(c.Changes) != 1 || c.Changes[0].To != "identified" {
		t.Errorf("changes %v", kinds(c.Changes))
	}
	if len(c.TasksForYou) != 2 || len(c.TasksAdded) != 1 || c.TasksAdded[0].Text != "Roll back" || len(c.TasksDone) != 1 {
		t.Errorf("tasks for carol %d (her role's and hers), added %d, done %d", len(c.TasksForYou), len(c.TasksAdded), len(c.TasksDone))
	}
	if len(c.Updates) != 1 || len(c.Theories) != 1 {
		t.Errorf("updates %d, theories %d", len(c.Updates), len(c.Theories))
	}
	if len(c.Decisions) != 1 || c.Decisions[0].ID != plain.ID {
		t.Errorf("decisions %+v, want the one not pinned", c.Decisions)
	}
	// The pinned decision and the impact, backdated to before carol left
	// but marked since, are key moments.
	if len(c.KeyMoments) != 2 || c.KeyMoments[0].Kind != KindMilestone || c.KeyMoments[1].ID != decision.ID {
		t.Errorf("key moments %v", kinds(c.KeyMoments))
	}
	if c.Bots["pagerbot"] != 4 || c.OthersByPerson["bob"] != 2 || c.OthersByKind[KindNote] != 2 {
		t.Errorf("bots %v, others by person %v, by kind %v", c.Bots, c.OthersByPerson, c.OthersByKind)
	}
	if got := f.s.CatchUp(f.now, "carol", nil); !got.Empty() {
		t.Errorf("nothing since now, but %+v", got)
	}
	if got := f.s.CatchUpSince("zoe", time.Time{}); !got.IsZero() {
		t.Errorf("someone who never took part caught up since %v", got)
	}
	if got := f.s.CatchUpSince("carol", t0.Add(time.Hour)); !got.Equal(t0.Add(time.Hour)) {
		t.Errorf("a later screen does not count: %v", got)
	}
}
