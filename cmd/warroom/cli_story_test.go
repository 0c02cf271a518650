package main

import (
	"regexp"
	"strings"
	"testing"
)

// The incident's story as the command line tells it (issue 20): who did
// what, the milestones, key moments, bots, the catch-up.

// TestTaskListCreditsWhoClosedATask (item 1): bob, tech lead, completes a
// task and hands the role to frank, who accepts: task list --all says
// the task was done by the tech lead bob, not frank.
func TestTaskListCreditsWhoClosedATask(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("handoff", "tl", "bob")
	r.as("bob").ok("ack", "tl")
	out := r.as("alice").ok("task", "add", "Roll back deploy 311", "--role", "tl")
	id := regexp.MustCompile(`task (` + taskIDRe + `) `).FindStringSubmatch(out)[1]
	r.as("bob").ok("task", "done", id)
	r.ok("handoff", "tl", "frank")
	r.as("frank").ok("ack", "tl")
	all := r.as("alice").ok("task", "list", "--all")
	if !regexp.MustCompile(`(?m)^  ` + id + `  done  Tech lead \(bob\)  .*Roll back deploy 311$`).MatchString(all) {
		t.Errorf("task list --all does not credit the task to the tech lead who did it, bob:\n%s", all)
	}
}

// TestMarkMilestones (item 4): mark takes a milestone and a time as log
// does, says what it marked, refuses what is not one with the valid
// ones (exit 2), changes nothing when the mark holds already, and the
// review's clocks come from the marks.
func TestMarkMilestones(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	out := r.ok("mark", "impact", "-10m")
	if !regexp.MustCompile(`^marked impact started at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(e[0-9a-z]+\)\n$`).MatchString(out) {
		t.Errorf("mark printed %q", out)
	}
	r.ok("mark", "detected", "2026-01-02T03:04:05Z")
	r.unchanged("detected is already marked at 2026-01-02T03:04:05Z", "mark", "DETECTED", "2026-01-02T03:04:05Z")
	r.ok("mark", "acknowledged")
	r.refused(2, `unknown milestone "started"; valid: impact, detected, acknowledged, mitigated`, "mark", "started")
	r.refused(2, "is not a time", "mark", "mitigated", "soon")
	r.refused(2, "in the future", "mark", "mitigated", "2999-01-01T00:00:00Z")
	r.refused(2, "needs a milestone", "mark")
	if e := r.lastEntry(); e.Kind != "milestone" || e.To != "acknowledged" {
		t.Errorf("the last entry is %+v, want the acknowledged mark", e)
	}
	review := r.ok("export")
	wantContains(t, "export", review, "| Impact started | ", " (marked) |", "| Time to detect | ",
		"| Time to mitigate | not yet |")
}

// TestPinAndUnpin (item 7): pin takes an entry's id or its start, says
// what it pinned, changes nothing the second time, refuses an id that
// names no entry (exit 2); the review lists the key moment; unpin takes
// it off.
func TestPinAndUnpin(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("log", "d: roll back deploy 142")
	id := r.lastEntry().ID
	if out := r.ok("pin", id[:8]); out != "pinned "+id+" as a key moment: roll back deploy 142\n" {
		t.Errorf("pin printed %q", out)
	}
	r.unchanged("is already pinned", "pin", id)
	r.refused(2, `unknown entry id "zzzzzz"`, "pin", "zzzzzz")
	r.refused(2, "needs ID", "pin")
	wantContains(t, "export", r.ok("export"), "## Key moments\n\n- ", ": roll back deploy 142\n")
	if out := r.ok("unpin", id); out != "unpinned "+id+": roll back deploy 142\n" {
		t.Errorf("unpin printed %q", out)
	}
	wantNotContains(t, "export", r.ok("export"), "## Key moments")
}

// TestPolicyBots (item 5): the incident manager names the bots; policy
// says who they are; the review has one line per bot, and export --all
// every entry.
func TestPolicyBots(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	if out := r.ok("policy", "set", "bots", "pagerbot,ci"); out != "policy: bots none → pagerbot,ci\n" {
		t.Errorf("policy set bots printed %q", out)
	}
	r.refused(1, "only the incident manager", "--as", "bob", "policy", "set", "bots", "none")
	wantContains(t, "policy", r.ok("policy"), "Bots: pagerbot, ci; their entries are dimmed")
	for range 3 {
		r.ok("--as", "pagerbot", "log", "heartbeat")
	}
	r.ok("log", "rolled back")
	review := r.ok("export")
	wantNotContains(t, "export", review, "| heartbeat |")
	wantContains(t, "export", review, "| pagerbot | bot | 3 entries, until ")
	if n := strings.Count(r.ok("export", "--all"), "| heartbeat |"); n != 3 {
		t.Errorf("export --all has %d heartbeats, want 3", n)
	}
}

// TestCatchup (item 6): a member who joined late reads the whole
// incident so far; after taking part, only what came since; --since and
// --for; a bad time is refused (exit 2); it writes nothing.
func TestCatchup(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("policy", "set", "bots", "pagerbot")
	r.ok("handoff", "sme", "dave", "--note", "watch the pool")
	r.ok("--as", "pagerbot", "log", "heartbeat")
	r.ok("--as", "pagerbot", "log", "heartbeat")
	before := r.snapshot()
	res := r.run("catchup", "--for", "dave")
	if res.code != 0 {
		t.Fatalf("catchup: %s", res)
	}
	before.unchanged(t, res)
	wantContains(t, "catchup", res.stdout, "Catch-up for dave: the whole incident so far (you have not taken part yet)\n",
		"\nRoles\n", "handed Subject matter expert from alice to dave: watch the pool\n", "pagerbot (bot): 2 entries\n")
	r.as("dave").ok("ack", "sme")
	r.as("alice").ok("status", "identified")
	own := r.as("dave").ok("catchup")
	wantContains(t, "catchup", own, "Catch-up for dave: what changed since ", "status investigating → identified")
	wantNotContains(t, "catchup", own, "handed Subject matter expert")
	wantContains(t, "catchup --since", r.ok("catchup", "--since", "-1h"), "handed Subject matter expert")
	r.refused(2, "is not a time", "catchup", "--since", "yesterday")
}
