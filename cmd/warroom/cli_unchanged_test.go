package main

import (
	"regexp"
	"strings"
	"testing"
)

// draftID is the id of the draft an update --for-approval printed.
func draftID(t *testing.T, out string) string {
	t.Helper()
	id := regexp.MustCompile(`drafted as (e[0-9a-z]{12})`).FindStringSubmatch(out)
	if id == nil {
		t.Fatalf("update printed %q, want a draft id", out)
	}
	return id[1]
}

// theoryID is the id of the theory theory add printed.
func theoryID(t *testing.T, out string) string {
	t.Helper()
	id := regexp.MustCompile(`^theory ([0-9a-z]{4}):`).FindStringSubmatch(out)
	if id == nil {
		t.Fatalf("theory add printed %q, want a theory id", out)
	}
	return id[1]
}

// followupID is the id of the follow-up followup add printed.
func followupID(t *testing.T, out string) string {
	t.Helper()
	id := regexp.MustCompile(`^follow-up ([0-9a-z]{4}):`).FindStringSubmatch(out)
	if id == nil {
		t.Fatalf("followup add printed %q, want a follow-up id", out)
	}
	return id[1]
}

// TestChangeThatChangesNothingExits0 (issue 11, item 27): every verb asked
// for what the incident already is exits 0, says it changed nothing, and
// leaves the file as it was, so that a script can run twice.
func TestChangeThatChangesNothingExits0(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("handoff", "tl", "Bob")
	for _, title := range []string{"open", "started", "done", "cancelled"} {
		r.ok("task", "add", title, "--role", "tl", "--owner", "bob")
	}
	tasks := r.export().Tasks
	open, started, done, cancelled := tasks[0].ID, tasks[1].ID, tasks[2].ID, tasks[3].ID
	r.ok("task", "start", started)
	r.ok("task", "done", done)
	r.ok("task", "cancel", cancelled)
	undecided := theoryID(t, r.ok("theory", "add", "pool exhausted"))
	confirmed := theoryID(t, r.ok("theory", "add", "bad deploy"))
	ruledOut := theoryID(t, r.ok("theory", "add", "DNS"))
	r.ok("theory", "confirm", confirmed)
	r.ok("theory", "rule-out", ruledOut)
	fuOpen := followupID(t, r.ok("followup", "add", "alert on pool", "--owner", "dave", "--ticket", "OPS-1"))
	fuDone := followupID(t, r.ok("followup", "add", "load test"))
	r.ok("followup", "done", fuDone)
	r.env["WARROOM_USER"] = "carol"
	approved := draftID(t, r.ok("update", "--for-approval", "first"))
	rejected := draftID(t, r.ok("update", "--for-approval", "second"))
	r.env["WARROOM_USER"] = "alice"
	r.ok("update", "approve", approved)
	r.ok("update", "reject", rejected, "--reason", "not yet")

	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"sev", "1"}, "the severity is already SEV1"},
		{[]string{"status", "investigating"}, "the incident is already investigating"},
		{[]string{"handoff", "ic", "alice"}, "alice already holds Incident manager"},
		{[]string{"handoff", "tl", "bob"}, "Bob already holds Tech lead"},
		{[]string{"task", "start", started}, "task " + started + " is already in progress"},
		{[]string{"task", "done", done}, "is already done"},
		{[]string{"task", "cancel", cancelled}, "is already cancelled"},
		{[]string{"task", "reopen", open}, "is already open"},
		{[]string{"task", "assign", open, "--role", "tl", "--owner", "BOB"}, "already has that owner"},
		{[]string{"theory", "confirm", confirmed}, "is already confirmed"},
		{[]string{"theory", "rule-out", ruledOut}, "is already ruled out"},
		{[]string{"theory", "reopen", undecided}, "is already open"},
		{[]string{"followup", "done", fuDone}, "is already done"},
		{[]string{"followup", "reopen", fuOpen}, "is already open"},
		{[]string{"followup", "set", fuOpen, "--owner", "dave", "--ticket", "OPS-1"}, "already has that owner, due date and ticket"},
		{[]string{"update", "approve", approved}, "was already approved, by alice"},
		{[]string{"update", "reject", rejected, "--reason", "still not"}, "was already sent back, by alice"},
	} {
		before := r.snapshot()
		res := r.run(c.args...)
		if res.code != 0 || res.stderr != "" || !strings.HasPrefix(res.stdout, "nothing changed: ") {
			t.Errorf("want exit 0 and \"nothing changed\", got:\n%s", res)
		}
		wantContains(t, "stdout", res.stdout, c.says)
		before.unchanged(t, res)
	}
	before := r.snapshot()
	res := r.run("sev", "1", "--lang", "es")
	if res.code != 0 || !strings.HasPrefix(res.stdout, "no ha cambiado nada: ") {
		t.Errorf("in Spanish:\n%s", res)
	}
	before.unchanged(t, res)
}
