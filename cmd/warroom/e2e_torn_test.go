package main

import (
	"bytes"
	"os"
	"testing"

	"github.com/warroom/warroom/model/store"
)

// TestTmuxChangeAfterTornAppend: a screen on a small incident whose last
// append a crash cut short. A change of severity (written whole, as any
// change in place on a small incident) keeps the cut bytes in NAME.torn
// and is saved, and so is the note typed after it: the screen lives on.
func TestTmuxChangeAfterTornAppend(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("log", "one")
	before, err := os.ReadFile(r.file())
	if err != nil {
		t.Fatal(err)
	}
	r.ok("log", "two, cut short by a crash")
	data, err := os.ReadFile(r.file())
	if err != nil {
		t.Fatal(err)
	}
	cut := data[len(before) : len(before)+(len(data)-len(before))/2]
	if err := os.WriteFile(r.file(), data[:len(before)+len(cut)], 0o644); err != nil {
		t.Fatal(err)
	}
	s := startTmux(t, r.dir, map[string]string{"WARROOM_FILE": r.file(), "WARROOM_USER": "alice"}, 120, 40)
	s.waitFor(t, has("NOBODY OWNS THIS"), "the screen")
	s.typeKeys("V")
	s.waitFor(t, has("Severity:"), "the severity prompt")
	s.typeKeys("2")
	s.press("Enter")
	s.waitFor(t, has("SEV2"), "the new severity")
	s.typeKeys("n")
	s.waitFor(t, has("Note for Incident manager:"), "the note prompt")
	s.typeText("typed after it")
	s.press("Enter")
	s.waitFor(t, has("typed after it"), "the note in the timeline")
	if dead := s.pane("#{pane_dead}"); dead != "0" {
		t.Fatalf("the screen exited (pane_dead=%s):\n%s", dead, frame(s.screen()))
	}
	// The screen shows a change at once and saves it in the background:
	// quitting waits for the last save.
	s.typeKeys("q")
	if status := s.waitForExit(t); status != "0" {
		t.Fatalf("exit status %s", status)
	}
	d := r.fileDoc()
	if d.Incident.Severity != 2 || !hasText(d, "typed after it") {
		t.Errorf("the file holds SEV%d and notes %v", d.Incident.Severity, d.Timeline)
	}
	if kept, err := os.ReadFile(store.TornPath(r.file())); err != nil || !bytes.Contains(kept, cut) {
		t.Errorf("the cut append was not kept: %q, %v", kept, err)
	}
}
