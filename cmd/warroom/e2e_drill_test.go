package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// pasteBracketed pastes text into the pane as a terminal with bracketed
// paste does: tmux marks where it begins and ends (-p), the program
// having asked for it.
func (s *tmuxSession) pasteBracketed(text string) {
	s.t.Helper()
	time.Sleep(humanGap)
	s.must("set-buffer", "-b", "drill", text)
	s.must("paste-buffer", "-p", "-b", "drill", "-t", s.target)
}

// TestTmuxBracketedPaste pastes with bracketed paste (tmux paste-buffer
// -p): four lines into a note are one note of four lines, two lines
// after a name in the handoff prompt one briefing. Then, the terminal
// having shown that it marks its pastes, a burst of keys is keys:
// "nnote⏎jjd" in one send-keys saves the note, moves down the task list
// twice and marks the task there done.
func TestTmuxBracketedPaste(t *testing.T) {
	t.Parallel()
	r := keysIncident(t)
	r.ok("task", "add", "Check the CDN", "--role", "tl")
	skip := len(r.fileDoc().Timeline)
	s := startTmux(t, r.dir, map[string]string{"WARROOM_FILE": r.file(), "WARROOM_USER": "alice"}, 120, 40)
	s.waitFor(t, has("NOBODY OWNS THIS"), "the screen")

	s.typeKeys("n")
	s.waitFor(t, has("Note for Incident manager:"), "the note prompt")
	s.pasteBracketed("error rate 38%\nq\nu\nt\n")
	s.waitFor(t, matchAll(regexp.MustCompile(`Note for Incident manager: error rate 38%↵\nq↵\nu↵\nt *\n`)), "the paste whole in the prompt, a line each, its line breaks shown")
	s.press("Enter")
	s.waitFor(t, has("Timeline ("+fmt.Sprint(skip+1)+")"), "one note in the timeline")

	s.typeKeys("2h")
	s.waitFor(t, has("Hand off Tech lead to:"), "the handoff prompt")
	s.typeText("carol: ")
	s.pasteBracketed("db primary is flapping\nfailover at 14:50")
	s.waitFor(t, has("carol: db primary is flapping↵"), "the briefing in the prompt")
	s.press("Enter")
	s.waitFor(t, has("Held by carol"), "the tech lead handed to carol")

	s.typeKeys("ff")
	s.waitFor(t, has("┃Tasks ("), "the task list focused")
	time.Sleep(humanGap)
	s.must("send-keys", "-t", s.target, "nnote", "Enter", "jjd")
	s.waitFor(t, has("Tasks (2 open, 1 closed)"), "the task two down marked done")
	s.press("q")
	if status := s.waitForExit(t); status != "0" {
		t.Fatalf("exit status %s", status)
	}
	d := r.fileDoc()
	want := []string{
		"note|alice|error rate 38%\nq\nu\nt||0",
		"handoff|alice|db primary is flapping\nfailover at 14:50||0",
		"note|alice|note||0",
		"task_done|alice|Check the CDN||0",
	}
	if got := changes(t, r, skip); strings.Join(got, "\n--\n") != strings.Join(want, "\n--\n") {
		t.Errorf("the screen made:\n%s\nwant:\n%s", strings.Join(got, "\n--\n"), strings.Join(want, "\n--\n"))
	}
	for _, a := range d.Assignments {
		if a.Role == "tech_lead" && a.Holder == "carol" && a.Note != "db primary is flapping\nfailover at 14:50" {
			t.Errorf("the briefing is %q", a.Note)
		}
	}
}

// TestTmuxFirstContact replays a newcomer's first contact at 80×24 from
// the screen alone: each key pressed is one the screen shows at that
// moment. Declare the incident, hand the tech lead to bob, write a note,
// add a task, mark it done, quit. It counts the keys (text typed counts
// as one) and says how long the replay took.
func TestTmuxFirstContact(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "new.toml")
	s := startTmux(t, dir, map[string]string{"WARROOM_FILE": file, "WARROOM_USER": "alice"}, 80, 24)
	start := time.Now()
	keys := 0
	press := func(k string) { keys++; s.press(k) }
	typeText := func(text string) { keys++; s.typeText(text) }
	// seen waits until the screen shows every one of subs, and fits.
	seen := func(what string, subs ...string) {
		t.Helper()
		s.waitFor(t, func(screen string) bool { return has(subs...)(screen) && fitsWidth(screen, 80, 24) }, what)
	}

	seen("the declare form says what enter does", "Declare an incident", "enter or tab: next field")
	typeText("Checkout API returning 500s")
	press("Enter")
	press("Enter")
	seen("the last field says enter declares", "enter declares the incident")
	press("Enter")
	seen("the war room, the footer offering hand off, note and task", "h hand off role", "n add note", "2 TL: alice*")

	press("2")
	seen("the tech lead's pane", "━━ Tech lead  2/8")
	press("h")
	seen("the handoff prompt", "Hand off Tech lead to:")
	typeText("bob")
	press("Enter")
	seen("bob holds the tech lead", "Held by bob")

	press("n")
	seen("the note prompt", "Note for Incident manager:")
	typeText("error rate 38% since deploy 142")
	press("Enter")
	s.waitFor(t, matchAll(regexp.MustCompile(`alice +note +\[Incident manager\] error rate 38%`)), "the note in the timeline")

	press("t")
	seen("the task prompt", "New task for Tech lead:", "+10m first or last time-boxes it")
	typeText("Roll back deploy 142")
	press("Enter")
	seen("the task on the tech lead's pane, under the cursor, and d offered", "› [ ] ", "Roll back deploy 142", "d done")

	press("d")
	seen("the task done", "Open tasks (0)", "Tasks (0 open, 1 closed)")
	press("q")
	if status := s.waitForExit(t); status != "0" {
		t.Fatalf("exit status %s", status)
	}
	took := time.Since(start)
	t.Logf("first contact at 80×24: %d keys (text typed counts as one), %.1fs replayed", keys, took.Seconds())

	r := &runner{t: t, dir: dir, env: map[string]string{"WARROOM_FILE": file, "WARROOM_USER": "alice"}}
	d := r.export()
	if holder, _ := d.role(t, "tech_lead", ""); holder != "bob" {
		t.Errorf("tech lead %q", holder)
	}
	if len(d.Tasks) != 1 || d.Tasks[0].State != "done" || d.Tasks[0].Role != "tech_lead" {
		t.Errorf("tasks %+v", d.Tasks)
	}
	var kinds []string
	for _, e := range d.Timeline {
		kinds = append(kinds, e.Kind)
	}
	if got := strings.Join(kinds, " "); got != "declared handoff note task_added task_done" {
		t.Errorf("timeline %s", got)
	}
}
