package model

import (
	"strings"
	"testing"
	"time"
)

// TestNextUpdateDue checks the cadence clock with an injected clock: the
// first SEV1 update is due 5 minutes after the declaration, then every 20
// minutes externally; a change of severity recomputes it; once resolved,
// nothing is due.
func TestNextUpdateDue(t *testing.T) {
	f := newFixture(t) // SEV1, declared at t0
	f.do("alice", Handoff{Role: ref(CommunicationsManager, ""), To: "carol"})
	c := DefaultCadence()
	next, ok := f.s.Comms(c).Soonest()
	if !ok || !next.Due.Equal(t0.Add(5*time.Minute)) {
		t.Fatalf("first update due %+v", next)
	}
	f.now = t0.Add(12 * time.Minute)
	f.do("carol", CommsUpdate{Audience: "external", Text: "We are investigating."})
	f.do("carol", CommsUpdate{Audience: "internal", Text: "SEV1 declared."})
	next, _ = f.s.Comms(c).Soonest()
	if next.Audience != "external" || !next.Due.Equal(t0.Add(32*time.Minute)) {
		t.Errorf("after the updates: %+v", next)
	}
	f.do("alice", SetSeverity{Severity: Sev3}) // at t0+14m; SEV3: external every hour, internal none
	ups := f.s.Comms(c).Next
	if len(ups) != 1 || ups[0].Audience != "external" || !ups[0].Due.Equal(t0.Add(74*time.Minute)) {
		t.Errorf("after SEV3: %+v", ups)
	}
	f.do("alice", SetStatus{Status: Resolved, Force: true, Reason: "the next update says it all"})
	if _, ok := f.s.Comms(c).Soonest(); ok {
		t.Error("an update is due on a resolved incident")
	}
	if _, err := f.try("carol", CommsUpdate{Audience: "press", Text: "x"}); err == nil {
		t.Error("an unknown audience was accepted")
	}
	if _, err := f.try("carol", CommsUpdate{Audience: "external", Text: "  "}); err == nil {
		t.Error("an empty update was accepted")
	}
}

// TestDraftNeedsTheIncidentManagersApproval: a draft is not sent — the
// clock still runs against it — until the incident manager approves it;
// nobody else can approve it; a draft sent back stays unsent.
func TestDraftNeedsTheIncidentManagersApproval(t *testing.T) {
	f := newFixture(t) // SEV1 at t0, alice is the incident manager
	c := DefaultCadence()
	f.now = t0.Add(3 * time.Minute)
	d := f.do("carol", CommsUpdate{Audience: "external", Text: "We are investigating.", NeedsApproval: true})[0]
	if d.Kind != KindCommsDraft {
		t.Fatalf("draft recorded as %s", d.Kind)
	}
	log := f.s.Comms(c)
	if len(log.Pending) != 1 || log.Pending[0].ID != d.ID || len(log.Sent["external"]) != 0 {
		t.Fatalf("pending %v sent %v", log.Pending, log.Sent)
	}
	if next, _ := log.Soonest(); !next.Due.Equal(t0.Add(5 * time.Minute)) {
		t.Errorf("a draft moved the clock: next due %v", next.Due)
	}
	if _, err := f.try("carol", ApproveUpdate{Draft: d.ID}); err == nil || !strings.Contains(err.Error(), "only the incident manager, alice") {
		t.Errorf("the comms manager approved her own draft: %v", err)
	}
	if _, err := f.try("alice", ApproveUpdate{Draft: "enope"}); err == nil || !strings.Contains(err.Error(), d.ID) {
		t.Errorf("an unknown draft id: %v", err)
	}
	f.now = t0.Add(6 * time.Minute)
	sent := f.do("alice", ApproveUpdate{Draft: d.ID[:4]})[0]
	if sent.Kind != KindComms || sent.Entry != d.ID || sent.From != "carol" || sent.Text != d.Text || sent.Channel != "external" {
		t.Errorf("approval recorded %+v", sent)
	}
	log = f.s.Comms(c)
	if len(log.Pending) != 0 || len(log.Sent["external"]) != 1 {
		t.Errorf("after approval: pending %v", log.Pending)
	}
	if next, _ := log.Soonest(); next.Audience != "internal" {
		t.Errorf("after approval the next due is %+v", next)
	}
	if ext := log.Next[0]; ext.Audience != "external" || !ext.Due.Equal(sent.At.Add(20*time.Minute)) {
		t.Errorf("external due %+v, want 20 minutes after the approval", ext)
	}
	if _, err := f.try("alice", ApproveUpdate{Draft: d.ID}); err == nil {
		t.Error("a draft was approved twice")
	}

	d2 := f.do("carol", CommsUpdate{Audience: "external", Text: "All fixed!", NeedsApproval: true})[0]
	if _, err := f.try("alice", RejectUpdate{Draft: d2.ID}); err == nil {
		t.Error("a draft was sent back without a reason")
	}
	back := f.do("alice", RejectUpdate{Draft: d2.ID, Reason: "not fixed yet"})[0]
	if back.Kind != KindCommsRejected || back.Entry != d2.ID || back.From != "carol" {
		t.Errorf("sent back as %+v", back)
	}
	log = f.s.Comms(c)
	if len(log.Pending) != 0 || len(log.Sent["external"]) != 1 || len(log.Rejected) != 1 {
		t.Errorf("after sending back: %+v", log)
	}
}

func TestCadenceFromConfig(t *testing.T) {
	c := DefaultCadence().With(Sev1, "external", 10*time.Minute).WithFirst(Sev1, 0).With(Sev3, "internal", 2*time.Hour)
	if DefaultCadence().Every[Sev1]["external"] != 20*time.Minute {
		t.Fatal("With changed the cadence it was called on")
	}
	f := newFixture(t)
	if next, _ := f.s.Comms(c).Soonest(); next.Audience != "external" || !next.Due.Equal(t0.Add(10*time.Minute)) {
		t.Errorf("with no first-update delay, the first is due one rhythm after the declaration: %+v", next)
	}
	if got := c.Every[Sev3]["internal"]; got != 2*time.Hour {
		t.Errorf("SEV3 internal every %v", got)
	}
	for in, want := range map[string]time.Duration{"20m": 20 * time.Minute, "none": 0, " 1h30m ": 90 * time.Minute} {
		if d, err := ParseRhythm(in); err != nil || d != want {
			t.Errorf("ParseRhythm(%q) = %v, %v", in, d, err)
		}
	}
	for _, bad := range []string{"20", "-5m", "10s", "2x", "48h"} {
		if _, err := ParseRhythm(bad); err == nil || !strings.Contains(err.Error(), "such as 20m") {
			t.Errorf("ParseRhythm(%q): %v", bad, err)
		}
	}
}

func TestDraftFromTemplate(t *testing.T) {
	f := newFixture(t)
	in := DraftInput{Now: t0.Add(7 * time.Minute), Lang: "en"}
	got := f.s.Draft(in)
	want := "We are investigating an issue: Checkout API returning 500s. We will post the next update by 14:27 UTC."
	if got != want {
		t.Errorf("draft\n got %q\nwant %q", got, want)
	}
	in.Status, in.Lang = Monitoring, "es"
	if got := f.s.Draft(in); !strings.HasPrefix(got, "Ya hay una solución aplicada para la incidencia (Checkout API returning 500s)") {
		t.Errorf("Spanish monitoring draft %q", got)
	}
	in.Lang, in.Audience = "en", "internal"
	in.Templates = Templates{Monitoring: "[{severity} {status}] {title}: fix out since {declared}; next at {next}"}
	if got := f.s.Draft(in); got != "[SEV1 monitoring] Checkout API returning 500s: fix out since 14:00 UTC; next at 14:37 UTC" {
		t.Errorf("team template %q", got)
	}
	if err := CheckTemplate("We fixed {titel}."); err == nil || !strings.Contains(err.Error(), "{title}") {
		t.Errorf("unknown placeholder: %v", err)
	}
	if err := CheckTemplate("We fixed { title }."); err == nil {
		t.Error("a placeholder with spaces was accepted")
	}
	if err := CheckTemplate("  "); err == nil {
		t.Error("an empty template was accepted")
	}
}

func TestNotableReportsLinkTheUpdateTheyAnswer(t *testing.T) {
	f := newFixture(t)
	f.do("alice", Handoff{Role: ref(CommunicationsManager, ""), To: "carol"})
	first := f.do("dave", Notable{Channel: "tickets", Text: "ACME cannot check out"})[0]
	if first.Kind != KindCustomerReport || first.Entry != "" {
		t.Errorf("before any external update: %+v", first)
	}
	u1 := f.do("carol", CommsUpdate{Audience: "external", Text: "Investigating."})[0]
	f.do("carol", CommsUpdate{Audience: "internal", Text: "SEV1."})
	post := f.do("frank", Notable{Channel: "social", Text: "@bigjournalist: checkout down?", Role: ref("social_media_lead", "")})[0]
	if post.Kind != KindSocialPost || post.Entry != u1.ID || post.Role != "social_media_lead" {
		t.Errorf("post %+v, want linked to %s", post, u1.ID)
	}
	u2 := f.do("carol", CommsUpdate{Audience: "external", Text: "Identified."})[0]
	if e := f.do("dave", Notable{Channel: "calls", Text: "x", Answers: strings.ToUpper(u1.ID)})[0]; e.Entry != u1.ID {
		t.Errorf("explicit link: %+v", e)
	}
	if e := f.do("dave", Notable{Channel: "calls", Text: "x", Answers: "none"})[0]; e.Entry != "" {
		t.Errorf("no link: %+v", e)
	}
	if e := f.do("dave", Notable{Channel: "calls", Text: "x"})[0]; e.Entry != u2.ID {
		t.Errorf("latest link: %+v", e)
	}
	for _, bad := range []Notable{{Channel: "fax", Text: "x"}, {Channel: "calls", Text: " "}, {Channel: "calls", Text: "x", Answers: "ezzz"}} {
		if _, err := f.try("dave", bad); err == nil {
			t.Errorf("%+v was accepted", bad)
		}
	}
}

func TestTheIncidentManagersOwnUpdateNeedsNoApproval(t *testing.T) {
	f := newFixture(t)
	if e := f.do("alice", CommsUpdate{Audience: "external", Text: "Investigating.", NeedsApproval: true})[0]; e.Kind != KindComms {
		t.Errorf("the incident manager's own update was recorded as %s", e.Kind)
	}
}

// TestDraftApprovedOnTwoCopies: two copies of the incident each approve
// the same draft before they sync; merged, the update went out once.
func TestDraftApprovedOnTwoCopies(t *testing.T) {
	f := newFixture(t)
	d := f.do("carol", CommsUpdate{Audience: "external", Text: "Investigating.", NeedsApproval: true})[0]
	a, _, err := f.s.Apply(f.c, ApproveUpdate{Draft: d.ID}, Env{Now: f.now, Actor: "alice", Replica: "laptop", IDs: &SeededIDs{Seed: 1}})
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := f.s.Apply(f.c, ApproveUpdate{Draft: d.ID}, Env{Now: f.now.Add(time.Second), Actor: "alice", Replica: "wall", IDs: &SeededIDs{Seed: 2}})
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := Merge(a, b)
	if err != nil {
		t.Fatal(err)
	}
	log := m.Comms(DefaultCadence())
	if n := len(log.Sent["external"]); n != 1 || len(log.Pending) != 0 {
		t.Errorf("merged: %d external updates sent, %d pending; want 1 and 0", n, len(log.Pending))
	}
	// Sent back on a third copy: it went out all the same.
	c, _, err := f.s.Apply(f.c, RejectUpdate{Draft: d.ID, Reason: "no"}, Env{Now: f.now, Actor: "alice", Replica: "phone", IDs: &SeededIDs{Seed: 3}})
	if err != nil {
		t.Fatal(err)
	}
	if m, _, err = Merge(m, c); err != nil {
		t.Fatal(err)
	}
	if log := m.Comms(DefaultCadence()); len(log.Sent["external"]) != 1 || len(log.Rejected) != 0 {
		t.Errorf("approved and sent back: %d sent, %d sent back; want 1 and 0", len(log.Sent["external"]), len(log.Rejected))
	}
}

// TestEscalationIsNewsToTell: raising the severity hours into an incident
// makes the first update at the new severity due its first-update delay
// after the change, not hours overdue.
func TestEscalationIsNewsToTell(t *testing.T) {
	f := newFixture(t)
	f.do("alice", Handoff{Role: ref(CommunicationsManager, ""), To: "carol"})
	f.do("alice", SetSeverity{Severity: Sev3})
	f.do("carol", CommsUpdate{Audience: "external", Text: "Minor issue."})
	f.now = t0.Add(2 * time.Hour)
	f.do("alice", SetSeverity{Severity: Sev1})
	for _, n := range f.s.Comms(DefaultCadence()).Next {
		if !n.Due.Equal(t0.Add(125 * time.Minute)) {
			t.Errorf("%s due %v after the escalation at 2h, want 5 minutes after it", n.Audience, n.Due.Sub(t0))
		}
	}
	f.now = t0.Add(123 * time.Minute)
	f.do("carol", CommsUpdate{Audience: "external", Text: "Now SEV1."})
	if ext := f.s.Comms(DefaultCadence()).Next[0]; !ext.Due.Equal(t0.Add(143 * time.Minute)) {
		t.Errorf("after an update at the new severity, external due %v", ext.Due.Sub(t0))
	}
}

func TestUpdateGoesToTheAudiencesWorkstream(t *testing.T) {
	f := newFixture(t)
	f.do("alice", Handoff{Role: ref("communications_manager", "external"), To: "carol"})
	if e := f.do("carol", CommsUpdate{Audience: "external", Text: "x"})[0]; e.Workstream != "external" {
		t.Errorf("external update recorded for %+v", e.RoleRef())
	}
	if e := f.do("carol", CommsUpdate{Audience: "internal", Text: "x"})[0]; e.Workstream != "" || e.Role != "communications_manager" {
		t.Errorf("internal update recorded for %+v", e.RoleRef())
	}
	if e := f.do("carol", CommsUpdate{Audience: "internal", Text: "x", Role: ref("communications_manager", "external")})[0]; e.Workstream != "external" {
		t.Errorf("explicit role: %+v", e.RoleRef())
	}
}

func TestDecidedDraftSaysWhen(t *testing.T) {
	f := newFixture(t)
	d := f.do("carol", CommsUpdate{Audience: "external", Text: "x", NeedsApproval: true})[0]
	f.do("alice", ApproveUpdate{Draft: d.ID})
	if _, err := f.try("alice", ApproveUpdate{Draft: d.ID}); err == nil || !strings.Contains(err.Error(), "already approved, by alice at 14:0") {
		t.Errorf("approving twice: %v", err)
	}
}
