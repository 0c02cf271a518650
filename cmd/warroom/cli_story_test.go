package main

import (
	"regexp"
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
