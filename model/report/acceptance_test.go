package report

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
)

// showAt renders show's roles at min minutes after the declaration.
func showAt(p *play, min float64, o Options) string {
	o.Now = t0.Add(time.Duration(min * float64(time.Minute)))
	roles, _, _ := strings.Cut(Show(p.s, ShowOptions{Options: o}), "Open tasks")
	roles, _, _ = strings.Cut(roles, "Tareas abiertas")
	return roles
}

// A role handed to someone is theirs at once, marked not yet accepted
// with how long ago and by whom; past the limit, loudly, with how to
// accept; once accepted, as any role held.
func TestShowHandoffsNotYetAccepted(t *testing.T) {
	p := newPlay(t, declared())
	tl := model.RoleRef{Role: "tech_lead"}
	p.at(1, "alice", model.Handoff{Role: tl, To: "bob", Note: "db is down"})
	p.at(1, "alice", model.Handoff{Role: model.RoleRef{Role: "scribe"}, To: "alice"})

	out := showAt(p, 1.75, opts())
	wantContains(t, out, `Tech lead               bob      handed 45s ago by alice, not yet accepted — "db is down"`,
		"Scribe                  alice    since 14:01")
	if strings.Contains(out, "!") {
		t.Errorf("within the limit, nothing is called out:\n%s", out)
	}
	// At the limit still within it; a second later, not.
	if out := showAt(p, 3, opts()); strings.Contains(out, "NOT YET") {
		t.Errorf("at exactly the limit:\n%s", out)
	}
	out = showAt(p, 3+1.0/60, opts())
	wantContains(t, out, "Tech lead               bob !    handed 2m ago by alice, NOT YET ACCEPTED",
		"  ! not accepted within 2m: the holder accepts with `warroom ack ROLE`, or the incident manager records it with `warroom ack ROLE --for NAME`")

	es := opts()
	es.Lang = "es"
	wantContains(t, showAt(p, 10, es), "bob !    pasada hace 9m por alice, AÚN SIN ACEPTAR", "  ! sin aceptar en 2m")

	p.at(11, "bob", model.Accept{Role: tl})
	out = showAt(p, 12, opts())
	wantContains(t, out, `Tech lead               bob      since 14:01 — "db is down"`)
	if strings.Contains(out, "accepted") || strings.Contains(out, "!") {
		t.Errorf("an accepted role is held like any other:\n%s", out)
	}
}

// The incident manager role handed on and declined: back to the one who
// held it, and show's earlier holders say why.
func TestShowTheIncidentManagerRoleDeclined(t *testing.T) {
	p := newPlay(t, declared())
	im := model.RoleRef{Role: model.IncidentManager}
	p.at(5, "alice", model.Handoff{Role: im, To: "dave"})
	wantContains(t, showAt(p, 8, opts()), "Incident manager        dave !  handed 3m ago by alice, NOT YET ACCEPTED",
		"Tech lead               dave *")
	p.at(9, "dave", model.Decline{Role: im, Reason: "driving; call carol"})
	wantContains(t, showAt(p, 10, opts()), "Incident manager        alice    since 14:09", "Tech lead               alice *",
		"Incident manager: dave 14:05–14:09 (declined: driving; call carol)")
}

// The review says, for every holder of every role, when they accepted it,
// how long after the handoff, who confirmed it for them, or when they
// declined it and why; and the timeline has every answer.
func TestReviewSaysWhenEachHolderAccepted(t *testing.T) {
	p := newPlay(t, declared())
	db := model.RoleRef{Role: "tech_lead", Workstream: "database"}
	p.at(1, "alice", model.Handoff{Role: db, To: "bob"})
	p.at(1.5, "bob", model.Accept{Role: db})
	p.at(2, "alice", model.Handoff{Role: model.RoleRef{Role: "scribe"}, To: "frank"})
	p.at(6, "alice", model.Accept{Role: model.RoleRef{Role: "scribe"}, For: "frank"})
	p.at(7, "carol", model.Handoff{Role: model.RoleRef{Role: "communications_manager"}, To: "carol"})
	p.at(8, "alice", model.Handoff{Role: model.RoleRef{Role: "problem_manager"}, To: "henry"})
	p.at(9, "henry", model.Decline{Role: model.RoleRef{Role: "problem_manager"}, Reason: "on leave from | tomorrow"})
	p.at(10, "bob", model.Handoff{Role: db, To: "ivan"})
	p.at(11, "alice", model.Decline{Role: db, For: "ivan", Reason: "ivan is asleep"})
	p.at(12, "alice", model.Handoff{Role: model.RoleRef{Role: "customer_support_lead"}, To: "grace"})
	out := p.review()

	row(t, out, "Role", "Held by", "From", "Until", "Accepted", "Briefing")
	row(t, out, "Tech lead · database", "bob", "2026-11-25 14:01:00 UTC", "2026-11-25 14:10:00 UTC", "2026-11-25 14:01:30 UTC (after 30s)")
	row(t, out, "Tech lead · database", "offered to ivan", "2026-11-25 14:10:00 UTC", "2026-11-25 14:11:00 UTC",
		"declined 2026-11-25 14:11:00 UTC (after 1m), recorded by alice: ivan is asleep")
	row(t, out, "Tech lead · database", "bob", "2026-11-25 14:11:00 UTC", "now", "")
	row(t, out, "Scribe", "frank", "2026-11-25 14:02:00 UTC", "now", "2026-11-25 14:06:00 UTC (after 4m), confirmed by alice")
	row(t, out, "Communications manager", "carol", "2026-11-25 14:07:00 UTC", "now", "took it")
	row(t, out, "Problem manager", "offered to henry", "2026-11-25 14:08:00 UTC", "2026-11-25 14:09:00 UTC",
		`declined 2026-11-25 14:09:00 UTC (after 1m): on leave from \| tomorrow`)
	row(t, out, "Problem manager", "alice (given back to the incident manager)", "2026-11-25 14:09:00 UTC", "now", "")
	row(t, out, "Customer support lead", "grace", "2026-11-25 14:12:00 UTC", "now", "not yet")
	row(t, out, "Incident manager", "alice", "2026-11-25 14:00:00 UTC", "now", "")

	row(t, out, "2026-11-25 14:01:30 UTC", "bob", "handoff accepted", "accepted Tech lead · database")
	row(t, out, "2026-11-25 14:06:00 UTC", "alice", "handoff accepted", "Scribe: accepted by frank, confirmed by alice")
	row(t, out, "2026-11-25 14:09:00 UTC", "henry", "handoff declined", `declined Problem manager, back to the incident manager: on leave from \| tomorrow`)
	row(t, out, "2026-11-25 14:11:00 UTC", "alice", "handoff declined", "Tech lead · database: declined by ivan, recorded by alice; back to bob: ivan is asleep")

	// The JSON record has the answers of every handoff and of each role now.
	js, err := JSON(p.s, opts())
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Assignments []model.Assignment `json:"assignments"`
		Roles       []struct {
			Role       string `json:"role"`
			Acceptance string `json:"acceptance"`
		} `json:"roles"`
	}
	if err := json.Unmarshal(js, &doc); err != nil {
		t.Fatal(err)
	}
	declined := 0
	for _, a := range doc.Assignments {
		if a.Acceptance == model.AcceptanceDeclined && a.Reason != "" && !a.Answered.IsZero() {
			declined++
		}
	}
	awaited := map[string]string{}
	for _, r := range doc.Roles {
		awaited[r.Role] = r.Acceptance
	}
	if declined != 2 || awaited["customer_support_lead"] != "awaited" || awaited["scribe"] != "accepted" || awaited["problem_manager"] != "" {
		t.Errorf("json: %d declined, roles %v", declined, awaited)
	}
}

func wantContains(t *testing.T, out string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(out, s) {
			t.Errorf("want %q in:\n%s", s, out)
		}
	}
}
