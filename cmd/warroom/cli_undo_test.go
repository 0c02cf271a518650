package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestUndoCommand: warroom undo takes back your latest change, then the
// one before; says what it undid; refuses, exit 1, what cannot be undone
// and says what to do; exits 0 when nothing of yours is left; exits 2 on
// bad usage. Who you are is --as, WARROOM_USER, as for every verb.
func TestUndoCommand(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("sev", "2")
	note := regexp.MustCompile(`logged note (\S+)`).FindStringSubmatch(r.ok("log", "wrong window"))[1]

	out := r.ok("undo")
	if !regexp.MustCompile(`^undone: note ` + note + ` \(entry ` + note + `, made at \d\d:\d\d:\d\d\)\n$`).MatchString(out) {
		t.Errorf("undo printed %q", out)
	}
	if e := r.lastEntry(); e.Kind != "retracted" || e.Entry != note || e.Undoes != note {
		t.Errorf("the undo wrote %+v", e)
	}
	wantContains(t, "second undo", r.ok("undo"), "undone: severity SEV2")
	if d := r.export(); d.Incident.Severity != 1 {
		t.Errorf("severity %d after its undo, want 1 back", d.Incident.Severity)
	}
	// The declaration is next: it cannot be undone, and undo says what to
	// do, without looking further back.
	r.refused(1, "cannot undo the entry", "undo")
	r.refused(1, "declaring the incident cannot be undone; close it with `warroom status closed`; to undo an earlier change of yours instead: `warroom undo ENTRY`", "undo")

	// Bob has nothing to undo, as --as or WARROOM_USER.
	r.unchanged("nothing to undo: bob has no change here left to undo", "--as", "bob", "undo")
	r.as("bob").ok("log", "bob's note")
	r.as("alice").refused(1, "is a change of bob's; only they can undo it", "undo", r.lastEntry().ID)
	wantContains(t, "bob's undo", r.ok("--as", "bob", "undo"), "undone: note")

	// What someone else changed since is never overwritten.
	task := regexp.MustCompile(`task (` + taskIDRe + `) `).FindStringSubmatch(r.ok("task", "add", "Roll back"))[1]
	r.as("bob").ok("task", "start", task)
	r.as("alice").refused(1, "task "+task+" has changed since, by bob at", "undo")
	// ENTRY undoes an earlier change, by a unique start of its id.
	added := r.export().Timeline
	var addedID string
	for _, e := range added {
		if e.Kind == "task_added" {
			addedID = e.ID
		}
	}
	r.refused(1, "make the change you want by hand", "undo", addedID[:len(addedID)-2])

	// Names from the file are shown as text, never as terminal control.
	r.ok("handoff", "scribe", "zoe\x1b[2J")
	if out := r.ok("undo"); strings.Contains(out, "\x1b") || !strings.Contains(out, "undone: handoff of Scribe to zoe") {
		t.Errorf("undo of a handoff to a name with an escape printed %q", out)
	}

	// Bad usage.
	r.refused(2, "warroom undo takes at most the id of an entry, but got 2 arguments", "undo", "a", "b")
	r.refused(2, `unknown entry id "e-none"`, "undo", "e-none")
	// In Spanish.
	r.ok("title", "Card payments failing")
	if out := r.ok("--lang", "es", "undo"); !strings.HasPrefix(out, "deshecho: el nuevo título (entrada ") {
		t.Errorf("in Spanish: %q", out)
	}
}
