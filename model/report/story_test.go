package report

import (
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

// The review tells the incident's story right (issue 20).

// TestReviewNamesWhoARoleWasGivenBackTo (item 2): a role given back goes
// to the incident manager of that moment, named; after the incident
// manager changed, the new one.
func TestReviewNamesWhoARoleWasGivenBackTo(t *testing.T) {
	p := newPlay(t, declared())
	scribe := model.RoleRef{Role: "scribe"}
	p.at(1, "alice", model.Handoff{Role: scribe, To: "frank"})
	p.at(2, "alice", model.Release{Role: scribe})
	p.at(3, "alice", model.Handoff{Role: model.RoleRef{Role: model.IncidentManager}, To: "dave"})
	p.at(4, "dave", model.Accept{Role: model.RoleRef{Role: model.IncidentManager}})
	p.at(5, "dave", model.Handoff{Role: scribe, To: "frank"})
	p.at(6, "dave", model.Release{Role: scribe})
	out := p.review()
	row(t, out, "Scribe", "alice (given back to the incident manager)", "2026-11-25 14:02:00 UTC")
	row(t, out, "Scribe", "dave (given back to the incident manager)", "2026-11-25 14:06:00 UTC")
}

// TestReviewChartShowsADeclinedHandoffAsOffered (item 2): a handoff
// declined after a minute was never held: the chart marks the offer and
// its decline as a moment, not a bar of the minute it waited; the role
// table says it was offered.
func TestReviewChartShowsADeclinedHandoffAsOffered(t *testing.T) {
	p := newPlay(t, declared())
	scribe := model.RoleRef{Role: "scribe"}
	p.at(1, "alice", model.Handoff{Role: scribe, To: "erin"})
	p.at(2, "erin", model.Decline{Role: scribe, Reason: "on the payments bridge"})
	out := p.review()
	if strings.Contains(out, "    Scribe - erin :") {
		t.Errorf("the chart draws the declined handoff as held:\n%s", out)
	}
	if !strings.Contains(out, "    Scribe - offered to erin, declined :milestone, 2026-11-25T14:01:00, 0s\n") {
		t.Errorf("the chart does not mark the offer declined:\n%s", out)
	}
	row(t, out, "Scribe", "offered to erin", "2026-11-25 14:01:00 UTC", "2026-11-25 14:02:00 UTC",
		"declined 2026-11-25 14:02:00 UTC (after 1m): on the payments bridge")
}

// TestReviewTheoriesHaveTheirEvidenceAndDecision (item 3): each theory
// says when it was confirmed or ruled out and by whom, with every piece
// of evidence noted about it.
func TestReviewTheoriesHaveTheirEvidenceAndDecision(t *testing.T) {
	p := newPlay(t, declared())
	tl := model.RoleRef{Role: "tech_lead"}
	p.at(1, "bob", model.Log{Kind: model.KindTheory, Role: tl, Text: "connection pool exhausted"})
	p.at(2, "bob", model.Log{Kind: model.KindTheory, Role: tl, Text: "DNS"})
	pool, dns := p.s.Theories[0].ID, p.s.Theories[1].ID
	p.at(3, "bob", model.Log{Theory: pool, Text: "pool at 100% on every host"})
	p.at(4, "bob", model.TheorySet{Theory: dns, State: model.TheoryRuledOut, Note: "resolves fine from every region"})
	p.at(5, "alice", model.TheorySet{Theory: pool, State: model.TheoryConfirmed, Note: "the rollback freed it"})
	out := p.review()
	row(t, out, "Theory", "What failed and why", "By", "Stated", "Outcome", "Decided", "Evidence")
	row(t, out, pool, "connection pool exhausted", "bob", "2026-11-25 14:01:00 UTC", "confirmed", "2026-11-25 14:05:00 UTC by alice",
		"2026-11-25 14:03:00 UTC, bob: pool at 100% on every host<br>2026-11-25 14:05:00 UTC, alice: the rollback freed it")
	row(t, out, dns, "DNS", "bob", "2026-11-25 14:02:00 UTC", "ruled out", "2026-11-25 14:04:00 UTC by bob",
		"2026-11-25 14:04:00 UTC, bob: resolves fine from every region")
}

// TestReviewHasItsCANReports (item 3): CAN reports get a section of
// their own, each part in its column.
func TestReviewHasItsCANReports(t *testing.T) {
	p := newPlay(t, declared())
	if strings.Contains(p.review(), "## CAN reports") {
		t.Error("a review with no CAN report has a section for them")
	}
	p.at(7, "bob", model.CAN{Role: model.RoleRef{Role: "tech_lead"}, Conditions: "error rate 4%", Actions: "rolling back", Needs: "a DBA"})
	out := p.review()
	if !strings.Contains(out, "\n## CAN reports\n") {
		t.Fatalf("no CAN reports section:\n%s", out)
	}
	row(t, out, "When", "Who", "Role", "Conditions", "Actions", "Needs")
	row(t, out, "2026-11-25 14:07:00 UTC", "bob", "Tech lead", "error rate 4%", "rolling back", "a DBA")
}

// TestReviewTimelineKindsAreWords (item 3): the kind column says what
// happened in words, not the key the file keeps.
func TestReviewTimelineKindsAreWords(t *testing.T) {
	p := newPlay(t, declared())
	p.at(1, "alice", model.Handoff{Role: model.RoleRef{Role: "scribe"}, To: "frank"})
	p.at(2, "frank", model.Accept{Role: model.RoleRef{Role: "scribe"}})
	out := p.review()
	row(t, out, "2026-11-25 14:02:00 UTC", "frank", "handoff accepted", "accepted Scribe")
	if strings.Contains(out, "| handoff_accepted |") {
		t.Errorf("the timeline names a kind by its key:\n%s", out)
	}
}

// TestReviewClocksComeFromTheMilestones (item 4): the clocks are measured
// from the marked start of the impact; each says whether it was marked
// or inferred; a backdated note moves none; a mark taken back gives way.
func TestReviewClocksComeFromTheMilestones(t *testing.T) {
	p := newPlay(t, declared())
	p.at(1, "bob", model.Log{Text: "first alert, hours ago", At: t0.Add(-3 * time.Hour)})
	p.at(2, "alice", model.Mark{Milestone: model.MilestoneImpact, At: t0.Add(-8 * time.Minute)})
	p.at(3, "alice", model.Mark{Milestone: model.MilestoneDetected, At: t0.Add(-5 * time.Minute)})
	p.at(20, "alice", model.SetStatus{Status: model.Monitoring})
	p.at(25, "alice", model.Mark{Milestone: model.MilestoneMitigated, At: t0.Add(15 * time.Minute)})
	out := p.review()
	row(t, out, "Impact started", "2026-11-25 13:52:00 UTC (marked)")
	row(t, out, "Time to detect", "3m, at 2026-11-25 13:55:00 UTC (marked)")
	row(t, out, "Time to acknowledge", "8m, at 2026-11-25 14:00:00 UTC (inferred from the declaration)")
	row(t, out, "Time to mitigate", "23m, at 2026-11-25 14:15:00 UTC (marked)")
	row(t, out, "Time to resolve", "not yet")
	row(t, out, "2026-11-25 13:52:00 UTC", "alice", "milestone", "milestone: impact started (backdated)")

	// Without a mark of the impact, it is inferred from the earliest mark.
	p.at(26, "alice", model.Retract{Entry: p.s.Milestones()[model.MilestoneImpact].ID})
	out = p.review()
	row(t, out, "Impact started", "2026-11-25 13:55:00 UTC (inferred from the detection)")
	row(t, out, "Time to mitigate", "20m, at 2026-11-25 14:15:00 UTC (marked)")
}

// TestReviewOpensItsTimelineWithKeyMoments (item 7): the entries pinned
// are listed as key moments, in the order they happened, right before
// the timeline; an entry unpinned is not.
func TestReviewOpensItsTimelineWithKeyMoments(t *testing.T) {
	p := newPlay(t, declared())
	p.at(5, "bob", model.Log{Kind: model.KindDecision, Text: "roll back deploy 142"})
	p.at(6, "bob", model.Log{Text: "noise"})
	p.at(9, "bob", model.Log{Text: "error rate under 1%"})
	decision, noise, fixed := p.s.Timeline[1].ID, p.s.Timeline[2].ID, p.s.Timeline[3].ID
	p.at(10, "alice", model.Pin{Entry: fixed})
	p.at(11, "alice", model.Pin{Entry: decision})
	p.at(12, "alice", model.Pin{Entry: noise})
	p.at(13, "alice", model.Pin{Entry: noise, Unpin: true})
	out := p.review()
	want := "\n## Key moments\n\n" +
		"- 2026-11-25 14:05:00 UTC, bob: roll back deploy 142\n" +
		"- 2026-11-25 14:09:00 UTC, bob: error rate under 1%\n" +
		"\n## Timeline\n"
	if !strings.Contains(out, want) {
		t.Errorf("the review does not open its timeline with the key moments %q:\n%s", want, out)
	}
}

// TestReviewLeavesTheBotsOut (item 5): a bot's entries are left out of
// the review's timeline, one row saying how many and until when; the
// last entry is a person's; a bot named only by the team file (Options)
// counts too; export --all (AllEntries) keeps them.
func TestReviewLeavesTheBotsOut(t *testing.T) {
	p := newPlay(t, declared())
	p.at(0.5, "alice", model.SetPolicy{Rule: "bots", Value: "pagerbot"})
	for i := 1; i <= 30; i++ {
		p.at(float64(i)/2, "pagerbot", model.Log{Text: "heartbeat"})
		p.at(float64(i)/2, "ci", model.Log{Text: "build green"})
	}
	p.at(3.2, "bob", model.Log{Text: "rolled back"})
	o := opts()
	o.Bots = []string{"CI"}
	out := Markdown(p.s, o)
	if n := strings.Count(out, "heartbeat") + strings.Count(out, "build green"); n != 0 {
		t.Errorf("%d bot entries in the review's timeline:\n%s", n, out)
	}
	row(t, out, "2026-11-25 14:00:30 UTC", "pagerbot", "bot", "30 entries, until 2026-11-25 14:15:00 UTC; left out of this review (`warroom export --all` lists every entry)")
	row(t, out, "2026-11-25 14:00:30 UTC", "ci", "bot", "30 entries, until 2026-11-25 14:15:00 UTC; left out of this review (`warroom export --all` lists every entry)")
	row(t, out, "2026-11-25 14:03:12 UTC", "bob", "note", "rolled back")
	row(t, out, "Last entry", "2026-11-25 14:03:12 UTC")
	o.AllEntries = true
	if n := strings.Count(Markdown(p.s, o), "| heartbeat |"); n != 30 {
		t.Errorf("with every entry, %d heartbeats in the review, want 30", n)
	}
}

// TestReviewHasTheSectionsATeamFillsIn (item 10): what went well, what
// went wrong, where we got lucky, each with a placeholder; the action
// items with their owners; who took part, in which roles, with their
// counts of entries (bots aside).
func TestReviewHasTheSectionsATeamFillsIn(t *testing.T) {
	p := newPlay(t, declared())
	p.at(0.5, "alice", model.SetPolicy{Rule: "bots", Value: "pagerbot"})
	p.at(1, "alice", model.Handoff{Role: model.RoleRef{Role: "tech_lead"}, To: "bob"})
	p.at(2, "alice", model.Handoff{Role: model.RoleRef{Role: "scribe"}, To: "erin"})
	p.at(3, "erin", model.Decline{Role: model.RoleRef{Role: "scribe"}, Reason: "busy"})
	p.at(4, "bob", model.Log{Kind: model.KindFollowup, Text: "alert on pool saturation"})
	p.at(5, "pagerbot", model.Log{Text: "heartbeat"})
	p.at(6, "alice", model.FollowUpDetails{FollowUp: p.s.FollowUps[0].ID, Owner: "henry", Due: "2026-12-01"})
	out := p.review()
	for _, want := range []string{
		"\n## What went well\n\n_What helped: ",
		"\n## What went wrong\n\n_What hurt: ",
		"\n## Where we got lucky\n\n_What went right by chance",
		"\n## Action items\n\n| Follow-up | Title | Owner | Due | Ticket | State |",
		"\n## Who took part\n\n| Person | Roles | Entries |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the review lacks %q:\n%s", want, out)
		}
	}
	row(t, out, p.s.FollowUps[0].ID, "alert on pool saturation", "henry", "2026-12-01", "", "open")
	row(t, out, "alice", "Incident manager", "5")
	row(t, out, "bob", "Tech lead", "1")
	row(t, out, "erin", "—", "1")
	row(t, out, "henry", "—", "0") // owns a follow-up, wrote nothing
	if strings.Contains(out, "| pagerbot | — |") {
		t.Errorf("who took part lists the bot:\n%s", out)
	}
}

// TestDescribeTheBotsRule: a change of the bots names them, not a rhythm.
func TestDescribeTheBotsRule(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"none", "pagerbot,ci", "policy: the bots are pagerbot, ci (there were none)"},
		{"pagerbot", "pagerbot,ci", "policy: the bots are pagerbot, ci (were pagerbot)"},
		{"pagerbot", "none", "policy: no bots any more (were pagerbot)"},
	} {
		e := model.Entry{Kind: model.KindPolicy, Text: "bots", From: c.from, To: c.to}
		if got := Describe(e, opts()); got != c.want {
			t.Errorf("described as %q, want %q", got, c.want)
		}
	}
}

// TestCatchUpSaysASeverityNotYetSet: the catch-up's first line of an
// incident declared without a severity says so in words, in English and
// in Spanish, rather than a bare "unset".
func TestCatchUpSaysASeverityNotYetSet(t *testing.T) {
	p := newPlay(t, model.Declare{Title: "Checkout API returning 500s", Commander: "alice"})
	p.at(1, "alice", model.Log{Text: "error rate 38%"})
	for lang, want := range map[string]string{"en": "Now: severity unset · investigating · incident manager alice",
		"es": "Ahora: severidad sin evaluar ·"} {
		o := opts()
		o.Lang, o.Now = i18n.Lang(lang), t0.Add(5*time.Minute)
		out := CatchUp(p.s, CatchUpFor(p.s, "dave", time.Time{}, time.Time{}, o), o)
		if !strings.Contains(out, want) {
			t.Errorf("%s: the catch-up lacks %q:\n%s", lang, want, out)
		}
	}
}
