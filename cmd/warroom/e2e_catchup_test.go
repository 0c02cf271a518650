package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// TestServeCatchesUpAMemberBack (issue 20, item 6, served): dave, a
// member handed a role, joins over SSH for the first time and is shown
// the incident so far; his visit is remembered beside the served file,
// not in it. Back at once, he is not caught up again; back after twenty
// minutes away, he is, from when he left.
func TestServeCatchesUpAMemberBack(t *testing.T) {
	t.Parallel()
	s := startServe(t, []string{"alice", "dave"}, nil)
	s.r.ok("handoff", "sme", "dave", "--note", "watch the pool")
	first := startTmuxArgv(t, 120, 40, append([]string{"ssh"}, s.sshArgs("dave", true)...)...)
	first.pastCatchUp(t, "dave")
	before, err := os.ReadFile(s.r.file())
	if err != nil {
		t.Fatal(err)
	}
	first.typeKeys("q")
	first.waitForExit(t)
	if _, ok := store.LastSeen(s.r.file(), "dave"); !ok {
		t.Fatal("the served visit was not remembered")
	}
	if after, _ := os.ReadFile(s.r.file()); string(after) != string(before) {
		t.Error("the served visit was written into the incident file")
	}

	again := startTmuxArgv(t, 120, 40, append([]string{"ssh"}, s.sshArgs("dave", true)...)...)
	sc := again.waitFor(t, has("you: dave", "Timeline"), "dave's screen, back at once")
	if strings.Contains(sc, "Catch-up for dave") {
		t.Errorf("back at once, dave was caught up again:\n%s", sc)
	}
	again.typeKeys("q")
	again.waitForExit(t)

	// Twenty minutes away: the memo says he left then.
	if err := os.WriteFile(store.SeenPath(s.r.file()), []byte("[seen]\ndave = "+time.Now().Add(-20*time.Minute).UTC().Format(time.RFC3339)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.r.ok("log", "replica lag 40s")
	back := startTmuxArgv(t, 120, 40, append([]string{"ssh"}, s.sshArgs("dave", true)...)...)
	back.waitFor(t, has("Catch-up for dave: what changed since", "(20m ago)", "by alice"), "the catch-up since dave left")
}

// TestServeAppliesRunbooksWhenAScreenRaisesTheSeverity: a runbook for
// SEV1 beside the served file applies when a member's screen over SSH
// raises the severity, as it does on a screen at home: its task is on
// the file, saying where it came from.
func TestServeAppliesRunbooksWhenAScreenRaisesTheSeverity(t *testing.T) {
	t.Parallel()
	s := startServeOn(t, binPath, func(r *runner) {
		r.ok("declare", "Checkout API returning 500s", "--sev", "2", "--commander", "alice")
		if err := os.MkdirAll(filepath.Join(r.dir, "runbooks"), 0o755); err != nil {
			t.Fatal(err)
		}
		book := "name = \"Checkout outage\"\nowner = \"alice\"\nwhen = \"severity <= 1\"\n\n[[step]]\ntask = \"Check the payment provider's status page\"\nrole = \"comms\"\ntimebox = \"10m\"\n"
		if err := os.WriteFile(filepath.Join(r.dir, "runbooks", "checkout.toml"), []byte(book), 0o644); err != nil {
			t.Fatal(err)
		}
	}, []string{"alice"}, nil)
	alice := startTmuxArgv(t, 120, 40, append([]string{"ssh"}, s.sshArgs("alice", true)...)...)
	alice.waitFor(t, has("you: alice", "SEV2"), "alice's screen")
	alice.typeKeys("V1")
	alice.press("Enter")
	alice.waitFor(t, has("SEV1", "Check the payment provider"), "the runbook's task on alice's screen")
	alice.typeKeys("q")
	alice.waitForExit(t)
	if got := s.r.ok("task", "list"); !strings.Contains(got, "Check the payment provider's status page") {
		t.Errorf("the runbook's task is not on the file:\n%s", got)
	}
}
