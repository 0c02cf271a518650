package sample

import (
	"fmt"
	"time"

	"github.com/warroom/warroom/model"
)

// History builds n incidents of a team's recent past, one every few days
// up to end, for `warroom demo --incidents` and for tests of a folder of
// incidents: different titles, services, severities and incident
// managers; most resolved and closed, the latest few still open; some
// with milestones marked, the others left to be inferred; external
// updates sent, one draft approved and one still waiting; internal notes;
// follow-ups with and without owners, some overdue; and one drill.
//
// Like Incident it is pure: the same end and ids give the same history.
func History(c *model.Catalog, end time.Time, ids model.IDSource, n int) ([]model.State, error) {
	out := make([]model.State, 0, n)
	for i := 0; i < n; i++ {
		// The newest is i == 0; each older one a few days before.
		declared := end.Add(-time.Duration(i)*(61*time.Hour+17*time.Minute) - 50*time.Minute)
		s, err := pastIncident(c, ids, i, declared, end)
		if err != nil {
			return nil, fmt.Errorf("sample: incident %d of the history: %w", i+1, err)
		}
		out = append(out, s)
	}
	return out, nil
}

// pastTitles are the history's incidents: a title and the service.
var pastTitles = []struct{ title, service string }{
	{"Checkout API returning 500s", "payments"},
	{"Login page times out", "identity"},
	{"Search results empty in the EU", "search"},
	{"Card payments declined for Visa", "payments"},
	{"Drill: primary database failover", "database"},
	{"Mobile app crashes on start", "mobile"},
	{"Order confirmation emails delayed", "notifications"},
	{"Checkout slow at peak", "payments"},
	{"Image uploads failing", "media"},
	{"API rate limits too strict after deploy", "gateway"},
	{"Password reset links expired", "identity"},
	{"Stock levels wrong on product pages", "inventory"},
	{"Webhooks not delivered", "notifications"},
	{"Replica lag on the orders database", "database"},
	{"CDN serving stale prices", "edge"},
	{"Invoices missing VAT", "billing"},
	{"Status page unreachable", "edge"},
	{"Push notifications duplicated", "mobile"},
	{"Refunds stuck in pending", "payments"},
	{"SSO login loop for enterprise customers", "identity"},
}

var pastPeople = []string{"alice", "bob", "carol", "dave", "erin"}

// pastIncident is incident i of the history, declared then; now is when
// the history ends.
func pastIncident(c *model.Catalog, ids model.IDSource, i int, declared, now time.Time) (model.State, error) {
	var s model.State
	at := declared
	do := func(after time.Duration, who string, op model.Op) error {
		at = at.Add(after)
		next, _, err := s.Apply(c, op, model.Env{Now: at, Actor: who, Replica: "demo", IDs: ids})
		if err != nil {
			return fmt.Errorf("%T: %w", op, err)
		}
		s = next
		return nil
	}
	t := pastTitles[i%len(pastTitles)]
	title := t.title
	if i >= len(pastTitles) {
		title = fmt.Sprintf("%s (again, %d)", t.title, i/len(pastTitles)+1)
	}
	sev := model.Severities[(i*7+1)%3]
	im := pastPeople[i%len(pastPeople)]
	comms := pastPeople[(i+2)%len(pastPeople)]
	// How long it takes, from a quarter of an hour to a few hours.
	unit := time.Duration(3+(i*5)%11) * time.Minute
	steps := []func() error{
		func() error {
			return do(0, im, model.Declare{Title: title, Severity: sev, Commander: im, Service: t.service})
		},
		func() error {
			// The first alert, before anyone declared: marked on most.
			if i%3 == 2 {
				return nil
			}
			return do(0, im, model.Mark{Milestone: model.MilestoneDetected, At: declared.Add(-time.Duration(2+i%7) * time.Minute)})
		},
		func() error {
			return do(unit/2, im, model.Handoff{Role: model.RoleRef{Role: model.CommunicationsManager}, To: comms})
		},
		func() error {
			return do(time.Minute, comms, model.Accept{Role: model.RoleRef{Role: model.CommunicationsManager}})
		},
		func() error {
			if i%2 == 1 {
				return nil
			}
			return do(time.Minute, im, model.Mark{Milestone: model.MilestoneAcknowledged})
		},
		func() error {
			return do(unit, comms, model.CommsUpdate{Audience: model.AudienceExternal,
				Text: fmt.Sprintf("We are investigating reports that %s. Next update in 30 minutes.", lower(title))})
		},
		func() error {
			return do(unit, im, model.Log{Text: fmt.Sprintf("internal: %s on-call paged; suspect the %s deploy", t.service, deployName(i))})
		},
		func() error { return do(unit, im, model.SetStatus{Status: model.Identified}) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return model.State{}, err
		}
	}
	if i < 2 {
		return s, nil // the latest two are still being worked
	}
	more := []func() error{
		func() error {
			if i%4 == 0 {
				// A draft by someone else, approved by the incident manager.
				helper := pastPeople[(i+1)%len(pastPeople)]
				if err := do(unit/2, helper, model.CommsUpdate{Audience: model.AudienceExternal, NeedsApproval: true,
					Text: "A fix is being rolled out; some customers may still see errors."}); err != nil {
					return err
				}
				return do(time.Minute, im, model.ApproveUpdate{Draft: s.PendingUpdates()[0].ID})
			}
			return do(unit/2, comms, model.CommsUpdate{Audience: model.AudienceExternal, Text: "A fix is being rolled out."})
		},
		func() error {
			if i%5 == 0 {
				return do(unit, im, model.Mark{Milestone: model.MilestoneMitigated})
			}
			return nil
		},
		func() error { return do(unit, im, model.SetStatus{Status: model.Monitoring}) },
		func() error {
			return do(unit, im, model.Log{Kind: model.KindFollowup, Text: fmt.Sprintf("Alert on %s error rate before customers notice", t.service)})
		},
		func() error {
			days := 3 + i%20 // due a few days later: the older ones are overdue
			return do(time.Minute, im, model.FollowUpDetails{FollowUp: s.FollowUps[0].ID,
				Owner: pastPeople[(i+3)%len(pastPeople)], Due: declared.AddDate(0, 0, days).Format("2006-01-02"),
				Ticket: fmt.Sprintf("OPS-%d", 400+i)})
		},
		func() error {
			if i%3 != 0 {
				return nil
			}
			return do(time.Minute, im, model.Log{Kind: model.KindFollowup, Text: "Write the runbook for " + t.service})
		},
		func() error {
			if i%4 != 1 || len(s.FollowUps) == 0 {
				return nil
			}
			return do(time.Minute, im, model.FollowUpSet{FollowUp: s.FollowUps[0].ID, Done: true})
		},
		func() error {
			if i%6 != 3 {
				return nil
			}
			// A shift change: the incident manager hands over.
			next := pastPeople[(i+4)%len(pastPeople)]
			if err := do(unit, im, model.Handoff{Role: model.RoleRef{Role: model.IncidentManager}, To: next, Note: "end of my shift"}); err != nil {
				return err
			}
			im = next
			return do(time.Minute, im, model.Accept{Role: model.RoleRef{Role: model.IncidentManager}})
		},
		func() error {
			return do(unit, im, model.SetSummary{Summary: fmt.Sprintf("%s after the %s deploy; rolled back.", title, deployName(i))})
		},
		func() error {
			return do(time.Minute, comms, model.CommsUpdate{Audience: model.AudienceExternal,
				Text: "This incident has been resolved. We are sorry for the trouble."})
		},
		func() error {
			reason := ""
			if len(s.FollowUps) > 1 {
				reason = "the second follow-up gets an owner at the review"
			}
			return do(time.Minute, im, model.SetStatus{Status: model.Resolved, Force: reason != "", Reason: reason})
		},
		func() error {
			if i < 4 {
				return nil // resolved, not yet closed
			}
			return do(24*time.Hour, im, model.SetStatus{Status: model.Closed})
		},
	}
	for _, step := range more {
		if err := step(); err != nil {
			return model.State{}, err
		}
	}
	if at.After(now) {
		return model.State{}, fmt.Errorf("incident %d ends after the history does", i)
	}
	return s, nil
}

// deployName names the deploy an incident of the history blames.
func deployName(i int) string { return fmt.Sprintf("#%d", 140+i*3) }

// lower is s with its first letter in lower case, to go on a sentence.
func lower(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}
