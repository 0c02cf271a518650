package model

import (
	"errors"
	"strings"
	"testing"
)

// Resolving is refused while the exit criteria are not met, naming each
// thing missing, in the policy's order; nothing changes.
func TestResolveIsRefusedWithWhatIsMissing(t *testing.T) {
	f := newFixture(t)
	f.do("alice", Handoff{Role: ref(CommunicationsManager, ""), To: "carol"})
	f.do("carol", Accept{Role: ref(CommunicationsManager, "")})
	f.do("alice", TaskAdd{Title: "Roll back deploy 142"})
	f.do("alice", Handoff{Role: ref("tech_lead", ""), To: "bob"})
	f.do("alice", Log{Kind: KindFollowup, Text: "Load test pool changes"})
	before := f.s
	_, err := f.try("alice", SetStatus{Status: Resolved})
	var blocked *BlockedError
	if !errors.As(err, &blocked) {
		t.Fatalf("resolving with everything missing: %v", err)
	}
	var rules []string
	for _, b := range blocked.Blockers {
		rules = append(rules, b.Rule)
	}
	want := "resolve.open_tasks resolve.roles_answered resolve.external_update resolve.summary resolve.followup_owners"
	if got := strings.Join(rules, " "); got != want {
		t.Errorf("blockers %s, want %s", got, want)
	}
	for _, part := range []string{"1 task still open (", "1 role handed and not yet accepted (tech_lead → bob)", "no external update since the fix",
		"no summary written", "1 follow-up without an owner", "--force --reason"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("the refusal does not say %q: %v", part, err)
		}
	}
	if es := blocked.In("es"); !strings.Contains(es, "aún no puede pasar a resuelto: 1 tarea aún abierta") || !strings.Contains(es, "--force --reason TEXTO") {
		t.Errorf("in Spanish: %s", es)
	}
	if len(f.s.Timeline) != len(before.Timeline) || f.s.Incident != before.Incident {
		t.Error("a refused resolution changed the incident")
	}
	// Closing what was never resolved is resolving too.
	if _, err := f.try("alice", SetStatus{Status: Closed}); !errors.As(err, &blocked) {
		t.Errorf("closing an unresolved incident: %v", err)
	}

	// Each met, it resolves.
	f.do("alice", TaskSet{Task: f.s.Tasks[0].ID, State: TaskDone})
	f.do("bob", Accept{Role: ref("tech_lead", "")})
	f.do("alice", FollowUpDetails{FollowUp: f.s.FollowUps[0].ID, Owner: "henry"})
	f.do("alice", SetSummary{Summary: "Deploy 142 halved the pool; rolled back."})
	f.do("alice", SetStatus{Status: Monitoring})
	if _, err := f.try("alice", SetStatus{Status: Resolved}); !errors.As(err, &blocked) || len(blocked.Blockers) != 1 || blocked.Blockers[0].Rule != "resolve.external_update" {
		t.Fatalf("with only the update missing: %v", err)
	}
	f.do("carol", CommsUpdate{Audience: AudienceExternal, Text: "A fix is in place; we are watching."})
	e := f.do("alice", SetStatus{Status: Resolved})
	if e[0].Text != "" || e[0].Needs != "" {
		t.Errorf("a resolution with nothing missing recorded %+v", e[0])
	}
	// Closing a resolved incident checks nothing again.
	f.do("alice", TaskAdd{Title: "Write the review"})
	f.do("alice", SetStatus{Status: Closed})
}

// Forced, with a reason, it resolves: the timeline says why and what was
// missing. Without a reason it is refused.
func TestForcedResolutionNeedsAReason(t *testing.T) {
	f := newFixture(t)
	f.do("alice", TaskAdd{Title: "Roll back deploy 142"})
	var text *TextError
	if _, err := f.try("alice", SetStatus{Status: Resolved, Force: true, Reason: "  "}); !errors.As(err, &text) {
		t.Errorf("forced without a reason: %v", err)
	}
	e := f.do("alice", SetStatus{Status: Resolved, Force: true, Reason: "customers are fine; the rollback task is bookkeeping"})
	if e[0].Text != "customers are fine; the rollback task is bookkeeping" || !strings.Contains(e[0].Needs, "resolve.open_tasks") {
		t.Errorf("the forced resolution recorded %+v", e[0])
	}
	if f.s.Incident.Status != Resolved {
		t.Errorf("status %s", f.s.Incident.Status)
	}
}

// The policy turns criteria off, one by one, recorded; an incident
// without an external rhythm at its severity needs no external update.
func TestExitCriteriaFollowThePolicy(t *testing.T) {
	f := newFixture(t)
	for _, rule := range []string{"resolve.summary", "resolve.external_update"} {
		e := f.do("alice", SetPolicy{Rule: rule, Value: "off"})
		if e[0].Text != rule || e[0].From != "on" || e[0].To != "off" {
			t.Errorf("recorded %+v", e[0])
		}
	}
	f.do("alice", SetStatus{Status: Resolved})

	g := newFixture(t)
	g.do("alice", SetSeverity{Severity: SevUnset})
	g.do("alice", SetSummary{Summary: "a false alarm"})
	g.do("alice", SetStatus{Status: Resolved})
}

// An incident whose policy was written before there were exit criteria
// (no resolve table in its file) gets every criterion, not none; one
// whose criteria were all turned off keeps them off.
func TestAPolicyFromBeforeExitCriteriaGetsThemAll(t *testing.T) {
	f := newFixture(t)
	f.do("alice", TaskAdd{Title: "Roll back deploy 142"})
	old := f.s
	old.Incident.Policy.Resolve = ExitCriteria{} // as such a file reads
	if got := old.Policy().Resolve; got != AllExitCriteria() {
		t.Fatalf("an older policy's criteria: %+v", got)
	}
	var blocked *BlockedError
	if _, _, err := old.Apply(DefaultCatalog(), SetStatus{Status: Resolved}, f.env("alice")); !errors.As(err, &blocked) {
		t.Errorf("resolving an older incident with a task open: %v", err)
	}
	for _, rule := range []string{"resolve.open_tasks", "resolve.roles_answered", "resolve.external_update", "resolve.summary", "resolve.followup_owners"} {
		f.do("alice", SetPolicy{Rule: rule, Value: "off"})
	}
	if got := f.s.Policy().Resolve; got != (ExitCriteria{Set: true}) {
		t.Errorf("every criterion turned off reads back as %+v", got)
	}
}

// The external update the criterion wants is one sent since the fix that
// holds: a move back to investigating or identified after it (the fix
// did not hold), or a reopened incident, needs customers told again.
func TestTheExternalUpdateIsForTheFixThatHolds(t *testing.T) {
	blocked := func(f *fixture) bool {
		_, err := f.try("alice", SetStatus{Status: Resolved})
		var b *BlockedError
		if err != nil && !errors.As(err, &b) {
			t.Fatal(err)
		}
		return err != nil
	}
	setup := func() *fixture {
		f := newFixture(t)
		f.do("alice", SetSummary{Summary: "pool exhausted"})
		f.do("alice", SetStatus{Status: Monitoring})
		f.do("alice", CommsUpdate{Audience: AudienceExternal, Text: "a fix is in"})
		return f
	}
	f := setup()
	if blocked(f) {
		t.Fatal("told once the fix was in: still refused")
	}
	f.do("alice", SetStatus{Status: Identified}) // the fix did not hold
	f.do("alice", SetStatus{Status: Monitoring})
	if !blocked(f) {
		t.Error("a second fix, customers not told of it: resolved")
	}
	f.do("alice", CommsUpdate{Audience: AudienceExternal, Text: "a second fix is in"})
	if blocked(f) {
		t.Error("told of the second fix: still refused")
	}

	g := setup()
	g.do("alice", SetStatus{Status: Resolved})
	g.do("alice", SetStatus{Status: Investigating}) // reopened
	if !blocked(g) {
		t.Error("reopened and resolved again, no fix since: resolved")
	}
}
