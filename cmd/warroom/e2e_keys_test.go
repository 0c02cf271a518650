package main

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// keysIncident is the incident the key tests type into: bob leads the
// tech side with one task open, grace has the customers.
func keysIncident(t *testing.T) *runner {
	t.Helper()
	r := newRunner(t)
	r.declare()
	r.ok("handoff", "tl", "bob")
	r.ok("handoff", "support", "grace")
	r.ok("task", "add", "Roll back deploy 142", "--role", "tl")
	r.ok("task", "add", "Page the payments team", "--role", "tl")
	return r
}

// changes lists what the keys did to the file, in order: the timeline
// after the set-up, without ids or times.
func changes(t *testing.T, r *runner, skip int) []string {
	t.Helper()
	var out []string
	for _, e := range r.fileDoc().Timeline[skip:] {
		out = append(out, fmt.Sprintf("%s|%s|%s|%s|%d", e.Kind, e.By, e.Text, e.Channel, e.Count))
	}
	return out
}

// TestTmuxBurstsActAsKeysPressedOneByOne types the same keys into three
// screens on three copies of one incident: one key at a time, as one
// tmux send-keys string, and as one literal (-l) string. Each key acts
// with the bindings the key before it left — "4" focuses the customer
// support lead's pane, whose "+" counts a ticket; "f" "f" focus the task
// list, where "d" finishes the selected task and "j" moves on — so all
// three files end the same: the two tickets counted as one entry, the
// call, the task done.
func TestTmuxBurstsActAsKeysPressedOneByOne(t *testing.T) {
	t.Parallel()
	const keys = "4++pffjd"
	var results [][]string
	for _, mode := range []string{"one by one", "send-keys", "send-keys -l"} {
		r := keysIncident(t)
		skip := len(r.fileDoc().Timeline)
		s := startTmux(t, r.dir, map[string]string{"WARROOM_FILE": r.file(), "WARROOM_USER": "alice"}, 120, 40)
		s.waitFor(t, has("NOBODY OWNS THIS"), "the screen")
		switch mode {
		case "one by one":
			s.typeKeys(keys)
		case "send-keys":
			time.Sleep(humanGap)
			s.must("send-keys", "-t", s.target, keys)
		case "send-keys -l":
			s.typeText(keys)
		}
		s.waitFor(t, has("Tasks (1 open, 1 closed)", "tickets 2 · calls 1"), mode+": the counts and the task done")
		s.press("q")
		if status := s.waitForExit(t); status != "0" {
			t.Fatalf("%s: exit status %s", mode, status)
		}
		got := changes(t, r, skip)
		if len(got) != 3 {
			t.Fatalf("%s: %d changes, want two counts and a task done:\n%s", mode, len(got), strings.Join(got, "\n"))
		}
		results = append(results, got)
	}
	for i := 1; i < len(results); i++ {
		if strings.Join(results[i], "\n") != strings.Join(results[0], "\n") {
			t.Errorf("keys in a burst did not do what they do one by one:\none by one:\n%s\nburst:\n%s",
				strings.Join(results[0], "\n"), strings.Join(results[i], "\n"))
		}
	}
}

// TestTmuxPasteWithoutBracketedPaste pastes four lines into a note
// prompt the way a terminal without bracketed paste sends them: every
// line ends with enter. Each line is a note; "q", "u" and "t" on their
// own lines neither quit, undo nor open a task.
func TestTmuxPasteWithoutBracketedPaste(t *testing.T) {
	t.Parallel()
	r := keysIncident(t)
	skip := len(r.fileDoc().Timeline)
	s := startTmux(t, r.dir, map[string]string{"WARROOM_FILE": r.file(), "WARROOM_USER": "alice"}, 120, 40)
	s.waitFor(t, has("NOBODY OWNS THIS"), "the screen")
	s.typeKeys("n")
	s.waitFor(t, has("Note for Incident manager:"), "the note prompt")
	s.must("set-buffer", "-b", "drill", "error rate 38%\nq\nu\nt\n")
	s.must("paste-buffer", "-b", "drill", "-t", s.target) // no -p: no bracketed paste
	s.waitFor(t, has("Timeline ("+fmt.Sprint(skip+4)+")"), "four notes in the timeline")
	time.Sleep(300 * time.Millisecond) // anything that would act late has had its chance
	if screen := s.screen(); strings.Contains(screen, "New task") || strings.Contains(screen, "undone") {
		t.Fatalf("a pasted line acted as a key:\n%s", frame(screen))
	}
	s.press("q")
	if status := s.waitForExit(t); status != "0" {
		t.Fatalf("exit status %s", status)
	}
	want := []string{"note|alice|error rate 38%||0", "note|alice|q||0", "note|alice|u||0", "note|alice|t||0"}
	if got := changes(t, r, skip); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the paste made:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
