package main

import (
	"strings"
	"testing"
)

// TestExternalUpdatesByOthersAreDraftsForComms: by default an external
// update from someone who holds neither the communications manager's role
// nor the incident manager's is a draft for the communications manager,
// who approves it; warroom policy says so, and warroom policy set
// external_by anyone lets everyone send them.
func TestExternalUpdatesByOthersAreDraftsForComms(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("handoff", "comms", "carol")
	r.ok("handoff", "tl", "bob")
	wantContains(t, "policy", r.ok("policy"), "External updates: sent as written by the communications manager and the incident manager")
	out := r.as("bob").ok("update", "Payments are back.")
	wantContains(t, "bob's update", out, "drafted as", "you hold neither", "once carol approves it")
	id := r.lastEntry().ID
	if e := r.lastEntry(); e.Kind != "comms_draft" {
		t.Fatalf("bob's update is %+v", e)
	}
	if res := r.as("dave").run("update", "approve", id); res.code == 0 || !strings.Contains(res.stderr, "communications manager or the incident manager") {
		t.Errorf("dave approving:\n%s", res)
	}
	wantContains(t, "carol's approval", r.as("carol").ok("update", "approve", id), "external update recorded")
	if e := r.lastEntry(); e.Kind != "comms" || e.By != "carol" {
		t.Errorf("after carol's approval: %+v", e)
	}

	wantContains(t, "set", r.as("alice").ok("policy", "set", "external_by", "anyone"), "external_by comms → anyone")
	wantContains(t, "policy", r.ok("policy"), "External updates: anyone sends them as written")
	wantContains(t, "bob's update", r.as("bob").ok("update", "Still fine."), "external update recorded")
	if res := r.as("alice").run("policy", "set", "external_by", "everyone"); res.code != 2 || !strings.Contains(res.stderr, "anyone") {
		t.Errorf("a bad value:\n%s", res)
	}
}
