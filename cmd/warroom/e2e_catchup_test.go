package main

import (
	"os"
	"strings"
	"testing"

	"github.com/warroom/warroom/model/store"
)

// TestE2ECatchUpOnOpeningTheScreen (issue 20, item 6): dave, handed a
// role, opens his screen for the first time: it shows what happened so
// far first, and one key puts it away. He quits; the visit is remembered
// beside the incident file, not in it; opening the screen again at once
// shows no catch-up.
func TestE2ECatchUpOnOpeningTheScreen(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("handoff", "sme", "dave", "--note", "watch the pool")
	r.ok("log", "error rate 38%")
	env := map[string]string{"WARROOM_FILE": r.file(), "WARROOM_USER": "dave"}

	s := startTmux(t, r.dir, env, 120, 40)
	s.waitFor(t, func(sc string) bool { return strings.Contains(sc, "Catch-up for dave: the whole incident so far") },
		"the catch-up")
	s.press("Escape")
	s.waitFor(t, func(sc string) bool {
		return !strings.Contains(sc, "Catch-up for dave") && strings.Contains(sc, "Timeline")
	},
		"the screen under the catch-up")
	before, err := os.ReadFile(r.file())
	if err != nil {
		t.Fatal(err)
	}
	s.typeKeys("q")
	if status := s.waitForExit(t); status != "0" {
		t.Fatalf("exit status %s", status)
	}
	if _, ok := store.LastSeen(r.file(), "dave"); !ok {
		t.Error("the visit was not remembered")
	}
	if after, _ := os.ReadFile(r.file()); string(after) != string(before) {
		t.Error("the visit was written into the incident file")
	}

	again := startTmux(t, r.dir, env, 120, 40)
	sc := again.waitFor(t, func(sc string) bool { return strings.Contains(sc, "Timeline") }, "the screen")
	if strings.Contains(sc, "Catch-up for dave") {
		t.Errorf("back at once, dave was caught up again:\n%s", sc)
	}
}

// pastCatchUp waits for a screen opened by someone who has not taken
// part in the incident yet to show the catch-up, and puts it away.
func (s *tmuxSession) pastCatchUp(t *testing.T, who string) {
	t.Helper()
	s.waitFor(t, has("Catch-up for "+who+": "), "the catch-up for "+who)
	s.press("Escape")
	s.waitFor(t, func(sc string) bool { return !strings.Contains(sc, "Catch-up for "+who) }, "the catch-up put away")
}
