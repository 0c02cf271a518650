package main

import (
	"strings"
	"testing"
)

// TestNamesInAnyCaseAreOnePerson (issue 11, item 26): "Bob" and "bob" are
// one person, shown as first written, whoever types which.
func TestNamesInAnyCaseAreOnePerson(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("handoff", "tl", "Bob")
	r.env["WARROOM_USER"] = "bob"
	r.ok("log", "replica lag 40s")
	r.env["WARROOM_USER"] = "ALICE"
	r.ok("task", "add", "roll back", "--owner", "BOB")
	r.env["WARROOM_USER"] = "carol"
	draft := draftID(t, r.ok("update", "--for-approval", "Investigating."))
	r.env["WARROOM_USER"] = "Alice"
	wantContains(t, "approve as Alice", r.ok("update", "approve", draft), "external update recorded")

	if res := r.run("handoff", "tl", "bOB"); res.code != 0 || !strings.Contains(res.stdout, "nothing changed: Bob already holds Tech lead") {
		t.Errorf("handing the role to bOB, who holds it:\n%s", res)
	}
	d := r.export()
	var people []string
	for _, p := range d.People {
		people = append(people, p.Name)
	}
	if strings.Join(people, ",") != "alice,Bob,carol" {
		t.Errorf("people: %q, want alice, Bob and carol", people)
	}
	if e := d.entryWithText(t, "replica lag 40s"); e.By != "Bob" {
		t.Errorf("bob's note is signed %q", e.By)
	}
	if task := d.Tasks[0]; task.Owner != "Bob" || task.CreatedBy != "alice" {
		t.Errorf("task %+v, want owned by Bob, created by alice", task)
	}
	if holder, _ := d.role(t, "tech_lead", ""); holder != "Bob" {
		t.Errorf("tech lead: %q", holder)
	}
	if got := r.completions("task", "assign", d.Tasks[0].ID, "--owner", ""); strings.Join(got, ",") != "Bob,alice,carol" {
		t.Errorf("people offered: %q", got)
	}
}
