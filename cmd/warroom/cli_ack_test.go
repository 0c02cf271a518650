package main

import (
	"strings"
	"testing"
)

// as runs the rest of a test as another person.
func (r *runner) as(name string) *runner {
	r.env["WARROOM_USER"] = name
	return r
}

// assignment returns the file's last assignment of a role instance, as
// plain TOML decoding reads it.
func (d doc) assignment(t testing.TB, role, workstream string) (holder, acceptance, answeredBy, reason string) {
	t.Helper()
	found := false
	for _, a := range d.Assignments {
		if a.Role == role && a.Workstream == workstream {
			holder, acceptance, answeredBy, reason, found = a.Holder, a.Acceptance, a.AnsweredBy, a.Reason, true
		}
	}
	if !found {
		t.Fatalf("no assignment of %s/%s: %+v", role, workstream, d.Assignments)
	}
	return
}

// TestHandoffAwaitsAcceptance: a role handed to someone is theirs at once
// (tasks and show say so), marked not yet accepted, until they run ack;
// the file, the JSON, show and the review say where it stands.
func TestHandoffAwaitsAcceptance(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	out := r.ok("handoff", "tl", "bob", "--workstream", "database", "--note", "primary is flapping")
	wantContains(t, "handoff", out, "Tech lead · database: alice → bob\n",
		"not yet accepted: bob accepts with `warroom ack tech_lead/database`, or declines with `warroom decline tech_lead/database --reason TEXT`\n")
	if out := r.ok("handoff", "scribe", "alice"); strings.Contains(out, "accept") {
		t.Errorf("a role taken yourself asks for no acceptance:\n%s", out)
	}
	if holder, acc, _, _ := r.fileDoc().assignment(t, "tech_lead", "database"); holder != "bob" || acc != "awaited" {
		t.Errorf("file: holder %q acceptance %q", holder, acc)
	}
	if _, acc, by, _ := r.fileDoc().assignment(t, "scribe", ""); acc != "accepted" || by != "alice" {
		t.Errorf("a role taken yourself: acceptance %q by %q", acc, by)
	}
	r.ok("task", "add", "roll back", "--role", "tl/database")
	show := r.ok("show")
	wantContains(t, "show", show, "bob      handed 0s ago by alice, not yet accepted", "Tech lead · database (bob)")
	if holder, _ := r.export().role(t, "tech_lead", "database"); holder != "bob" {
		t.Errorf("json holder %q: the role is bob's at once", holder)
	}

	// Only bob, or the incident manager for him, answers.
	r.as("carol").refused(1, "Tech lead · database was handed to bob, not carol: bob answers it, or the incident manager records the answer for them",
		"ack", "tl/database")
	r.as("alice").refused(1, "was handed to bob, not alice: bob answers it, or you record the answer for them (--for bob)", "ack", "tl/database")
	r.as("carol").refused(1, "only the incident manager, alice, who handed it, can record bob's answer; carol cannot",
		"ack", "tl/database", "--for", "bob")

	out = r.as("bob").ok("ack", "tl", "--workstream", "database")
	if out != "Tech lead · database: accepted by bob\n" {
		t.Errorf("ack printed %q", out)
	}
	if _, acc, by, _ := r.fileDoc().assignment(t, "tech_lead", "database"); acc != "accepted" || by != "bob" {
		t.Errorf("file after ack: acceptance %q by %q", acc, by)
	}
	r.as("BOB").unchanged("bob already accepted Tech lead · database", "ack", "tl/database")
	wantContains(t, "show", r.ok("show"), "Tech lead · database    bob      since ", "handoff accepted  accepted Tech lead · database")
	wantContains(t, "review", r.ok("export"), "| Accepted |", "| Tech lead · database | bob |", "(after ")
	if e := r.lastEntry(); e.Kind != "handoff_accepted" || e.By != "bob" || e.To != "bob" || e.From != "alice" {
		t.Errorf("last entry %+v", e)
	}
}

// TestAcceptanceByPhone: the incident manager records an acceptance
// given by phone: "accepted by carol, confirmed by alice".
func TestAcceptanceByPhone(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("handoff", "comms", "Carol")
	out := r.ok("accept", "comms", "--for", "carol")
	if out != "Communications manager: accepted by Carol, confirmed by alice\n" {
		t.Errorf("ack --for printed %q", out)
	}
	if _, acc, by, _ := r.export().assignment(t, "communications_manager", ""); acc != "accepted" || by != "alice" {
		t.Errorf("json: acceptance %q recorded by %q", acc, by)
	}
	wantContains(t, "show", r.ok("show"), "Communications manager: accepted by Carol, confirmed by alice")
	wantContains(t, "review", r.ok("export"), "confirmed by alice")
	r.unchanged("Carol already accepted Communications manager", "ack", "comms", "--for", "CAROL")
	wantContains(t, "es", r.ok("handoff", "sme", "dave", "--lang", "es"), "aún sin aceptar: dave la acepta con `warroom ack subject_matter_expert`")
	if out := r.ok("ack", "sme", "--for", "dave", "--lang", "es"); out != "Experto en la materia: aceptada por dave, confirmado por alice\n" {
		t.Errorf("in Spanish: %q", out)
	}
}

// TestDeclineGivesTheRoleBack: a decline needs a reason, gives the role
// back to whoever held it before, and is in show, the review and the
// timeline; an accepted role is not declined.
func TestDeclineGivesTheRoleBack(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("handoff", "tl", "bob")
	r.as("bob").refused(2, "warroom decline needs --reason TEXT", "decline", "tl")
	r.as("bob").refused(2, "warroom decline needs --reason TEXT", "decline", "tl", "--reason", "  ")
	r.as("bob").refused(2, "reason: 4001 characters, at most 4000 allowed", "decline", "tl", "--reason", strings.Repeat("x", 4001))
	r.as("bob").refused(2, `unknown role "tlx"`, "decline", "tlx", "--reason", "x")
	out := r.as("bob").ok("decline", "tl", "--reason", "on call for payments")
	if out != "Tech lead: declined by bob; back to the incident manager (alice)\n" {
		t.Errorf("decline printed %q", out)
	}
	d := r.fileDoc()
	if holder, _ := r.export().role(t, "tech_lead", ""); holder != "alice" {
		t.Errorf("holder after the decline %q", holder)
	}
	found := false
	for _, a := range d.Assignments {
		found = found || (a.Holder == "bob" && a.Acceptance == "declined" && a.Reason == "on call for payments" && a.AnsweredBy == "bob")
	}
	if !found {
		t.Errorf("the declined handoff in the file: %+v", d.Assignments)
	}
	if e := r.lastEntry(); e.Kind != "handoff_declined" || e.From != "bob" || e.To != "" || e.Text != "on call for payments" {
		t.Errorf("last entry %+v", e)
	}
	wantContains(t, "show", r.as("alice").ok("show"), "Tech lead               alice *", "Tech lead: bob ", "(declined: on call for payments)")
	wantContains(t, "review", r.ok("export"), "| Tech lead | offered to bob |", "declined ", ": on call for payments |")
	r.as("bob").refused(1, "Tech lead was not handed to bob; it is with the incident manager, alice", "decline", "tl", "--reason", "again")

	// Handed on by a holder: back to that holder, recorded for the new one.
	r.as("alice").ok("handoff", "tl", "carol")
	r.as("carol").ok("ack", "tl")
	r.as("carol").refused(1, "carol already accepted Tech lead; to give it up, hand it to someone else or give it back to the incident manager",
		"decline", "tl", "--reason", "changed my mind")
	r.as("carol").ok("handoff", "tl", "dave", "--note", "going off shift")
	if out := r.as("carol").ok("decline", "tl", "--for", "dave", "--reason", "dave is asleep"); out != "Tech lead: declined by dave; back to carol\n" {
		t.Errorf("decline --for printed %q", out)
	}
	r.as("alice").refused(2, "holder: must be one line", "ack", "tl", "--for", "dave\nmallory")
}

// TestIncidentManagerHandoffAwaitsAcceptance: the new incident manager
// accepts like anyone; a decline gives the role back with every role it
// holds by default.
func TestIncidentManagerHandoffAwaitsAcceptance(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("handoff", "ic", "dave")
	if holder, _ := r.export().role(t, "scribe", ""); holder != "dave" {
		t.Errorf("scribe held by %q: the incident manager's roles go with the role", holder)
	}
	if out := r.as("dave").ok("decline", "ic", "--reason", "driving"); out != "Incident manager: declined by dave; back to alice\n" {
		t.Errorf("decline printed %q", out)
	}
	if holder, _ := r.export().role(t, "scribe", ""); holder != "alice" {
		t.Errorf("scribe held by %q after the decline", holder)
	}
	r.as("alice").ok("handoff", "ic", "erin")
	// alice handed it, so she may confirm it, though erin is the incident
	// manager now.
	if out := r.ok("ack", "ic", "--for", "erin"); out != "Incident manager: accepted by erin, confirmed by alice\n" {
		t.Errorf("ack --for printed %q", out)
	}
}

// TestCompletionOffersTheHandoffsToAnswer: ack and decline complete the
// roles waiting for your answer; the incident manager's, every one; --for
// the holder.
func TestCompletionOffersTheHandoffsToAnswer(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("handoff", "tl", "bob", "--workstream", "database")
	r.ok("handoff", "comms", "carol")
	r.ok("handoff", "scribe", "alice")
	if got := r.as("bob").completions("ack", ""); strings.Join(got, " ") != "tech_lead/database" {
		t.Errorf("bob's ack completions %q", got)
	}
	if got := r.as("dave").completions("decline", ""); len(got) != 0 {
		t.Errorf("dave's decline completions %q", got)
	}
	if got := r.as("alice").completions("ack", ""); strings.Join(got, " ") != "communications_manager tech_lead/database" {
		t.Errorf("the incident manager's ack completions %q", got)
	}
	if got := r.completions("ack", "comms", "--for", ""); strings.Join(got, " ") != "carol" {
		t.Errorf("--for completions %q", got)
	}
	r.as("bob").ok("ack", "tl/database")
	if got := r.as("bob").completions("ack", ""); len(got) != 0 {
		t.Errorf("after accepting, bob's completions %q", got)
	}
}
