package report

import (
	"strings"
	"testing"

	"github.com/warroom/warroom/model"
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
