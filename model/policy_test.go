package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// The policy the incident is declared with is the one every copy uses:
// the declarer's, or the default.
func TestPolicyIsSetAtDeclaration(t *testing.T) {
	f := newFixture(t)
	if got := f.s.Incident.Policy; got != DefaultPolicy() {
		t.Errorf("declared without a policy: %+v, want the default", got)
	}
	if f.s.AcceptLimit() != DefaultAcceptWithin {
		t.Errorf("accept limit %v", f.s.AcceptLimit())
	}
	team := CommsPolicy{Cadence: DefaultCadence().With(Sev1, AudienceExternal, 10*time.Minute), Approval: map[Audience]bool{AudienceExternal: true}}
	s, _, err := State{}.Apply(DefaultCatalog(), Declare{Title: "x", Severity: Sev1, Policy: team.Policy()},
		Env{Now: t0, Actor: "alice", Replica: "r", IDs: &SeqIDs{}})
	if err != nil {
		t.Fatal(err)
	}
	p := s.Policy()
	if p.Cadence().Every[Sev1][AudienceExternal] != 10*time.Minute || !p.NeedsApproval(AudienceExternal) || p.NeedsApproval(AudienceInternal) {
		t.Errorf("declared with the team's policy, the incident keeps %+v", p)
	}
	if next, _ := s.Comms(p.Cadence()).Soonest(); !next.Due.Equal(t0.Add(FirstUpdateSEV1)) {
		t.Errorf("first update due %v", next.Due)
	}
	// A file from before the policy was kept has none: it follows the
	// default.
	s.Incident.Policy = Policy{}
	if s.Policy() != DefaultPolicy() {
		t.Errorf("an incident without a policy follows %+v", s.Policy())
	}
}

// SetPolicy changes one rule, recorded with its old and new value; only
// the incident manager may; bad rules and values are refused, naming
// what would do.
func TestSetPolicy(t *testing.T) {
	f := newFixture(t)
	entries := f.do("alice", SetPolicy{Rule: "SEV1.External", Value: "15m"})
	if e := entries[0]; e.Kind != KindPolicy || e.Text != "sev1.external" || e.From != "20m" || e.To != "15m" {
		t.Errorf("recorded %+v", e)
	}
	if got := f.s.Policy().Cadence().Every[Sev1][AudienceExternal]; got != 15*time.Minute {
		t.Errorf("sev1 external rhythm %v", got)
	}
	f.do("alice", SetPolicy{Rule: "accept_within", Value: "5m"})
	if f.s.AcceptLimit() != 5*time.Minute {
		t.Errorf("accept limit %v", f.s.AcceptLimit())
	}
	f.do("alice", SetPolicy{Rule: "sev1.internal", Value: "none"})
	if _, ok := f.s.Policy().Cadence().Every[Sev1][AudienceInternal]; ok {
		t.Error("none left the internal rhythm")
	}

	var conflict *ConflictError
	if _, err := f.try("bob", SetPolicy{Rule: "sev1.external", Value: "1h"}); !errors.As(err, &conflict) || !strings.Contains(err.Error(), "alice") {
		t.Errorf("bob changing the policy: %v", err)
	}
	var unchanged *UnchangedError
	if _, err := f.try("alice", SetPolicy{Rule: "sev1.external", Value: "15m"}); !errors.As(err, &unchanged) {
		t.Errorf("setting a rule to its value: %v", err)
	}
	var invalid *InvalidError
	if _, err := f.try("alice", SetPolicy{Rule: "sev9.external", Value: "15m"}); !errors.As(err, &invalid) || !strings.Contains(err.Error(), "sev1.external") {
		t.Errorf("an unknown rule: %v", err)
	}
	for _, bad := range []SetPolicy{{Rule: "sev1.external", Value: "1ns"}, {Rule: "sev1.external", Value: "-5m"},
		{Rule: "approval.external", Value: "maybe"}, {Rule: "accept_within", Value: "none"}} {
		before := f.s
		if _, err := f.try("alice", bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
		if len(f.s.Timeline) != len(before.Timeline) || f.s.Incident != before.Incident {
			t.Errorf("%+v changed the incident", bad)
		}
	}
}

// Where the policy requires approval, an update by anyone but the
// incident manager is a draft, whatever the writer's own config says.
func TestPolicyApprovalMakesDrafts(t *testing.T) {
	f := newFixture(t)
	f.do("alice", SetPolicy{Rule: "approval.external", Value: "on"})
	if e := f.do("bob", CommsUpdate{Audience: AudienceExternal, Text: "we are on it"}); e[0].Kind != KindCommsDraft {
		t.Errorf("bob's external update is a %s, want a draft", e[0].Kind)
	}
	if e := f.do("bob", CommsUpdate{Audience: AudienceInternal, Text: "we are on it"}); e[0].Kind != KindComms {
		t.Errorf("bob's internal update is a %s, want sent", e[0].Kind)
	}
	if e := f.do("alice", CommsUpdate{Audience: AudienceExternal, Text: "we are on it"}); e[0].Kind != KindComms {
		t.Errorf("the incident manager's update is a %s, want sent", e[0].Kind)
	}
}

// Two copies change the policy apart: the later change wins on both,
// whatever the order they merge in, and both changes stay in the
// timeline.
func TestPolicyMerges(t *testing.T) {
	c := DefaultCatalog()
	base, _, err := State{}.Apply(c, Declare{Title: "x", Severity: Sev1, Commander: "alice"}, Env{Now: t0, Actor: "alice", Replica: "a", IDs: &SeqIDs{}})
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := base.Apply(c, SetPolicy{Rule: "sev1.external", Value: "10m"}, Env{Now: t0.Add(time.Minute), Actor: "alice", Replica: "a", IDs: &SeededIDs{Seed: 1}})
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := base.Apply(c, SetPolicy{Rule: "approval.external", Value: "on"}, Env{Now: t0.Add(2 * time.Minute), Actor: "alice", Replica: "b", IDs: &SeededIDs{Seed: 2}})
	if err != nil {
		t.Fatal(err)
	}
	ab, ba := mustMerge(t, a, b), mustMerge(t, b, a)
	if ab.Incident != ba.Incident {
		t.Fatalf("merge order matters:\n%+v\n%+v", ab.Incident, ba.Incident)
	}
	if !ab.Policy().NeedsApproval(AudienceExternal) {
		t.Errorf("the later change lost: %+v", ab.Policy())
	}
	n := 0
	for _, e := range ab.Timeline {
		if e.Kind == KindPolicy {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d policy entries in the merged timeline, want both", n)
	}
	if ab.clock().Compare(b.Incident.Clock.Policy) < 0 {
		t.Error("the merged clock is behind the policy's stamp")
	}
}

// The file writes a span as people write it.
func TestSpanText(t *testing.T) {
	for in, want := range map[time.Duration]string{0: "none", 20 * time.Minute: "20m", time.Hour: "1h", 90 * time.Minute: "1h30m", 24 * time.Hour: "24h"} {
		b, _ := Span(in).MarshalText()
		var back Span
		if string(b) != want || back.UnmarshalText(b) != nil || back != Span(in) {
			t.Errorf("%v: %q, read back %v", in, b, back)
		}
	}
	var s Span
	for _, bad := range []string{"1ns", "25h", "-1m", "soon"} {
		if err := s.UnmarshalText([]byte(bad)); err == nil {
			t.Errorf("%q read as a span", bad)
		}
	}
}

// By default an external update from someone who holds neither the
// communications manager's role nor the incident manager's is a draft for
// the communications manager, who approves it (or the incident manager
// does); other audiences stay open, and the policy's external_by =
// anyone opens external too.
func TestExternalUpdatesAreTheCommunicationsManagers(t *testing.T) {
	f := newFixture(t)
	f.do("alice", Handoff{Role: ref(CommunicationsManager, ""), To: "carol"})
	f.do("alice", Handoff{Role: ref(TechLead, ""), To: "bob"})
	for _, c := range []struct {
		who      string
		aud      Audience
		kind     Kind
		approver string
	}{
		{"bob", AudienceExternal, KindCommsDraft, CommunicationsManager},
		{"bob", AudienceInternal, KindComms, ""},
		{"carol", AudienceExternal, KindComms, ""},
		{"alice", AudienceExternal, KindComms, ""},
		{"dave", AudienceExternal, KindCommsDraft, CommunicationsManager},
	} {
		if got := f.s.UpdateApprover(c.who, c.aud, false); got != c.approver {
			t.Errorf("%s to %s: approver %q, want %q", c.who, c.aud, got, c.approver)
		}
		e := f.do(c.who, CommsUpdate{Audience: c.aud, Text: "update from " + c.who})[0]
		if e.Kind != c.kind || e.To != c.approver {
			t.Errorf("%s to %s: %s for %q, want %s for %q", c.who, c.aud, e.Kind, e.To, c.kind, c.approver)
		}
	}
	pending := f.s.PendingUpdates()
	if len(pending) != 2 {
		t.Fatalf("%d drafts pending, want bob's and dave's", len(pending))
	}
	// The communications manager approves one, the incident manager
	// sends the other back; the tech lead may do neither.
	if _, err := f.try("bob", ApproveUpdate{Draft: pending[0].ID}); !errors.As(err, new(*ConflictError)) ||
		!strings.Contains(err.Error(), "communications manager or the incident manager") {
		t.Errorf("bob approving: %v", err)
	}
	if e := f.do("carol", ApproveUpdate{Draft: pending[0].ID})[0]; e.Kind != KindComms || e.From != "bob" {
		t.Errorf("carol's approval recorded %+v", e)
	}
	f.do("alice", RejectUpdate{Draft: pending[1].ID, Reason: "not yet"})
	// Where the policy wants the incident manager's approval, that is
	// whose it waits for, and the communications manager cannot give it.
	f.do("alice", SetPolicy{Rule: "approval.external", Value: "on"})
	d := f.do("bob", CommsUpdate{Audience: AudienceExternal, Text: "again"})[0]
	if d.Kind != KindCommsDraft || d.To != "" {
		t.Errorf("with approval on: %+v", d)
	}
	if _, err := f.try("carol", ApproveUpdate{Draft: d.ID}); err == nil {
		t.Error("carol approved a draft that waits for the incident manager")
	}
	f.do("alice", SetPolicy{Rule: "approval.external", Value: "off"})
	// external_by = anyone: bob's update goes out as written.
	if got, _ := f.s.Policy().Rule("external_by"); got != "comms" {
		t.Errorf("external_by by default: %q", got)
	}
	e := f.do("alice", SetPolicy{Rule: "external_by", Value: "anyone"})[0]
	if e.From != "comms" || e.To != "anyone" {
		t.Errorf("recorded %+v", e)
	}
	if e := f.do("bob", CommsUpdate{Audience: AudienceExternal, Text: "open"})[0]; e.Kind != KindComms {
		t.Errorf("with external_by anyone: %s", e.Kind)
	}
	if _, err := f.try("alice", SetPolicy{Rule: "external_by", Value: "everyone"}); err == nil || !strings.Contains(err.Error(), "anyone") {
		t.Errorf("a bad value: %v", err)
	}
	f.do("alice", SetPolicy{Rule: "external_by", Value: "comms"})
	if f.s.Incident.Policy.ExternalBy != "" {
		t.Errorf("back to the default, the policy keeps %q", f.s.Incident.Policy.ExternalBy)
	}
}
