package main

// End-to-end tests of hooks: the real binary in several processes on one
// incident file — command-line invocations, a screen in tmux, a served war
// room and the commands run over SSH — and hook scripts that leave a mark
// for each run.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/warroom/warroom/model/store"
)

// hookRig is a hooks file whose hooks leave, for each run, the event they
// read on their standard input in a file of their own in marks.
type hookRig struct {
	dir   string // the hooks file's folder: its scripts are here
	file  string // the hooks file
	marks string
}

func newHookRig(t *testing.T, hooksTOML string, scripts map[string]string) hookRig {
	t.Helper()
	dir := t.TempDir()
	rig := hookRig{dir: dir, file: filepath.Join(dir, "hooks.toml"), marks: filepath.Join(dir, "marks")}
	if err := os.Mkdir(rig.marks, 0o755); err != nil {
		t.Fatal(err)
	}
	scripts["mark.sh"] = "f=$(mktemp " + rig.marks + "/ran.XXXXXXXX) || exit 1\ncat > \"$f\"\necho \"ran $WARROOM_EVENT for $WARROOM_ACTOR\"\n"
	for name, body := range scripts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"+body), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(rig.file, []byte(hooksTOML), 0o644); err != nil {
		t.Fatal(err)
	}
	return rig
}

// ran is one run a mark tells of: the event the hook read.
type ran struct {
	Event  string              `json:"event"`
	Actor  string              `json:"actor"`
	New    string              `json:"new"`
	Entry  struct{ ID string } `json:"entry"`
	DryRun bool                `json:"dry_run"`
}

// runs reads the marks left so far.
func (r hookRig) runs(t *testing.T) []ran {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(r.marks, "ran.*"))
	if err != nil {
		t.Fatal(err)
	}
	var out []ran
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var x ran
		if err := json.Unmarshal(data, &x); err != nil {
			continue // being written
		}
		out = append(out, x)
	}
	return out
}

// hookEntry is a hook run as the timeline records it.
type hookEntry struct {
	Kind    string `toml:"kind"`
	By      string `toml:"by"`
	Event   string `toml:"event"`
	Command string `toml:"command"`
	Result  string `toml:"result"`
	Entry   string `toml:"entry"`
	Text    string `toml:"text"`
	Task    string `toml:"task"`
	Needs   string `toml:"needs"`
}

// hookEntries reads the file's entries of the kinds given, as plain TOML.
func hookEntries(t *testing.T, path string, kinds ...string) []hookEntry {
	t.Helper()
	var doc struct {
		Timeline []hookEntry `toml:"timeline"`
	}
	if _, err := toml.DecodeFile(path, &doc); err != nil {
		t.Fatal(err)
	}
	var out []hookEntry
	for _, e := range doc.Timeline {
		if slices.Contains(kinds, e.Kind) {
			out = append(out, e)
		}
	}
	return out
}

// waitUntil polls cond until it holds, failing the test after d with what
// says what was awaited.
func waitUntil(t *testing.T, d time.Duration, what func() string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s: %s", d, what())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestHooksRunOncePerEvent: a served war room (a screen over SSH and a
// command over SSH), a screen in tmux and the command line work on one
// incident file with the same hooks. Each event runs its hooks exactly
// once — in the process whose change made it happen: the command line for
// its own changes, the server for its screens' keys and the commands run
// over SSH, the local screen for its keys — and a time box that runs out
// while the screen and the server both watch it is claimed by one of them
// only. Every run is in the timeline.
func TestHooksRunOncePerEvent(t *testing.T) {
	t.Parallel()
	rig := newHookRig(t, `
[[hook]]
on = ["severity", "status", "handoff", "handoff_accepted", "timebox_expired"]
run = ["./mark.sh"]
`, map[string]string{})
	s := startServe(t, []string{"bob"}, nil, "--hooks", rig.file)
	r := s.r
	r.env["WARROOM_HOOKS"] = rig.file

	local := startTmux(t, r.dir, map[string]string{"WARROOM_FILE": r.file(), "WARROOM_USER": "alice", "WARROOM_HOOKS": rig.file}, 120, 40)
	bob := startTmuxArgv(t, 120, 40, append([]string{"ssh"}, s.sshArgs("bob", true)...)...)
	local.waitFor(t, has("Incident manager"), "alice's screen")
	bob.waitFor(t, has("you: bob"), "bob's screen over SSH")

	r.ok("sev", "2")             // the command line
	r.ok("handoff", "tl", "bob") // another invocation
	bob.waitFor(t, has("Y accept"), "bob's screen asking for his answer")
	bob.press("Y")                                                               // a served screen: the server saves it
	if out, errOut, code := s.ssh(t, "bob", "status", "identified"); code != 0 { // a command over SSH: the server runs it
		t.Fatalf("ssh status: exit %d\n%s%s", code, out, errOut)
	}
	local.typeKeys("V") // the local screen
	local.typeText("1")
	local.press("Enter")
	r.ok("task", "add", "Roll back deploy 142", "--due", "1s") // its box runs out with two watchers

	want := map[string]int{"severity alice": 2, "handoff alice": 1, "handoff_accepted bob": 1, "status bob": 1, "timebox_expired": 1}
	total := 6
	waitUntil(t, 30*time.Second, func() string { return fmt.Sprintf("runs %+v, want %v", rig.runs(t), want) },
		func() bool { return len(rig.runs(t)) >= total })
	// The watchers look every two seconds: a second claim, or a second run
	// of anything, would be there by now.
	time.Sleep(5 * time.Second)

	runs := rig.runs(t)
	seen, perEntry := map[string]int{}, map[string]int{}
	for _, x := range runs {
		key := x.Event + " " + x.Actor
		if x.Event == "timebox_expired" {
			key = x.Event // whichever watcher won
		}
		seen[key]++
		perEntry[x.Entry.ID]++
		if x.Entry.ID == "" || x.DryRun {
			t.Errorf("a run on %+v", x)
		}
	}
	for key, n := range want {
		if seen[key] != n {
			t.Errorf("%s: the hook ran %d times, want %d; runs: %+v", key, seen[key], n, runs)
		}
	}
	for id, n := range perEntry {
		if n != 1 {
			t.Errorf("the hook ran %d times on entry %s", n, id)
		}
	}
	if len(runs) != total {
		t.Errorf("%d runs, want %d: %+v", len(runs), total, runs)
	}
	waitUntil(t, 15*time.Second, func() string { return fmt.Sprintf("hook entries %+v", hookEntries(t, r.file(), "hook")) },
		func() bool { return len(hookEntries(t, r.file(), "hook")) >= total })
	recorded := map[string]bool{}
	entries := hookEntries(t, r.file(), "hook")
	for _, e := range entries {
		if e.Result != "ok" || e.Command != "./mark.sh" || !strings.HasPrefix(e.Text, "ran "+e.Event) || recorded[e.Entry] {
			t.Errorf("hook entry %+v", e)
		}
		recorded[e.Entry] = true
	}
	if len(entries) != total {
		t.Errorf("%d hook runs recorded, want %d: %+v", len(entries), total, entries)
	}
	if claims := hookEntries(t, r.file(), "timebox_expired"); len(claims) != 1 {
		t.Errorf("%d claims of the time box, want 1: %+v", len(claims), claims)
	}
	if strings.Contains(s.log.String(), "level=ERROR") {
		t.Errorf("the server logged errors:\n%s", s.log)
	}
}

// TestHangingHookIsKilledAndShown: a hook still running at its timeout is
// killed with what it started, its run is recorded as such, and the
// incident manager's board shows it; the command that set it off returned
// long before.
func TestHangingHookIsKilledAndShown(t *testing.T) {
	t.Parallel()
	rig := newHookRig(t, `
[[hook]]
on = ["severity"]
run = ["./hang.sh", "--urgent"]
timeout = "1s"
`, map[string]string{"hang.sh": "sleep 60 &\necho $! > hang.pid\necho 'calling the pager'\nwait\n"})
	r := newRunner(t)
	r.declare()
	r.env["WARROOM_HOOKS"] = rig.file
	screen := startTmux(t, r.dir, map[string]string{"WARROOM_FILE": r.file(), "WARROOM_USER": "alice"}, 140, 45)
	screen.waitFor(t, has("NOBODY OWNS THIS"), "the incident manager's board")

	r.ok("sev", "2")
	// The hook's folder is the incident file's: its pid lands there.
	pidFile := filepath.Join(r.dir, "hang.pid")
	screen.waitFor(t, has("HOOKS FAILING (1)", "hook on severity: ./hang.sh --urgent, killed at its"), "the hook on the board")
	data, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	waitUntil(t, 10*time.Second, func() string { return fmt.Sprintf("the hook's child %d still runs", pid) }, func() bool {
		err := syscall.Kill(pid, 0)
		return err != nil || zombie(pid)
	})
	entries := hookEntries(t, r.file(), "hook")
	if len(entries) != 1 || entries[0].Result != "timeout" || entries[0].Text != "calling the pager" || entries[0].Event != "severity" {
		t.Errorf("hook entries %+v", entries)
	}
	if out := r.ok("show"); !strings.Contains(out, "hook on severity: ./hang.sh --urgent, killed at its timeout after 1") {
		t.Errorf("show:\n%s", out)
	}
}

// zombie reports whether pid has ended and awaits its parent.
func zombie(pid int) bool {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	s := string(stat)
	i := strings.LastIndexByte(s, ')')
	return i >= 0 && i+2 < len(s) && s[i+2] == 'Z'
}

// TestHooksCommands: hooks list shows where each hook is written, and a
// mistake with its line and key (exit 1); hooks test runs the hooks on a
// sample event, records nothing, and says how each ended.
func TestHooksCommands(t *testing.T) {
	t.Parallel()
	rig := newHookRig(t, `
[[hook]]
on = ["severity"]
run = ["./mark.sh"]
when = "severity == 1"

[[hook]]
on = ["severity", "status"]
run = ["./fail.sh"]
`, map[string]string{"fail.sh": "echo 'pager is down' >&2\nexit 3\n"})
	r := newRunner(t)
	r.declare()
	r.env["WARROOM_HOOKS"] = rig.file

	out := r.ok("hooks", "list")
	for _, want := range []string{rig.file + ":2", "severity == 1", "./mark.sh", rig.file + ":7", "severity, status", "./fail.sh", "10s"} {
		if !strings.Contains(out, want) {
			t.Errorf("hooks list does not show %q:\n%s", want, out)
		}
	}

	before := r.snapshot()
	res := r.run("hooks", "test", "severity", "--new", "1")
	if res.code != 1 || !strings.Contains(res.stdout, "when severity == 1: holds") || !strings.Contains(res.stdout, "ok, in") ||
		!strings.Contains(res.stdout, "│ ran severity for alice") || !strings.Contains(res.stdout, "exit status 3") ||
		!strings.Contains(res.stdout, "│ pager is down") || !strings.Contains(res.stderr, "1 hook failed") {
		t.Errorf("hooks test:\n%s", res)
	}
	before.unchanged(t, res)
	if runs := rig.runs(t); len(runs) != 1 || !runs[0].DryRun || runs[0].New != "1" {
		t.Errorf("the sample event: %+v", runs)
	}
	res = r.run("hooks", "test", "severity", "--new", "2")
	if !strings.Contains(res.stdout, "does not hold for this sample; it would not run") {
		t.Errorf("a condition that does not hold:\n%s", res)
	}
	if res := r.run("hooks", "test", "sev"); res.code != 2 || !strings.Contains(res.stderr, "valid") {
		t.Errorf("an unknown event:\n%s", res)
	}
	if res := r.run("hooks", "test", "task_done"); res.code != 0 || !strings.Contains(res.stdout, "No hook runs on task_done") {
		t.Errorf("an event without hooks:\n%s", res)
	}

	if err := os.WriteFile(rig.file, []byte("[[hook]]\non = [\"severity\"]\nrun = [\"./mark.sh\"]\nwhen = \"severity = 1\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res = r.run("hooks", "list")
	if res.code != 1 || !strings.Contains(res.stderr, rig.file+":4: [[hook]] 1, when: at column 10: write == to compare, not =") {
		t.Errorf("a mistake:\n%s", res)
	}
	res = r.run("sev", "2")
	if res.code != 0 || !strings.Contains(res.stderr, "its hooks do not run until it is fixed") {
		t.Errorf("a change with a hooks file that has a mistake:\n%s", res)
	}
	time.Sleep(500 * time.Millisecond)
	if runs := rig.runs(t); len(runs) != 1 {
		t.Errorf("a hook of a file with a mistake ran: %+v", runs)
	}
}

// TestResolveChecks: a check hook that refuses a resolve stops `status
// resolved` with its reason, listed with the exit criteria the incident
// does not meet, and the incident stays as it was; once it passes, it is
// no longer listed; --force --reason overrides it, recorded as "check".
// Each check's run is recorded, and the other hooks run once an event.
func TestResolveChecks(t *testing.T) {
	t.Parallel()
	rig := newHookRig(t, `
[[hook]]
on = ["resolve_requested"]
run = ["./open-tasks.sh"]
check = true

[[hook]]
on = ["resolve_requested", "resolved"]
run = ["./mark.sh"]
`, map[string]string{"open-tasks.sh": "if [ -e \"" + "DIR" + "/done\" ]; then exit 0; fi\necho '2 tasks still open'\nexit 1\n"})
	script := filepath.Join(rig.dir, "open-tasks.sh")
	body, _ := os.ReadFile(script)
	if err := os.WriteFile(script, []byte(strings.ReplaceAll(string(body), "DIR", rig.dir)), 0o755); err != nil {
		t.Fatal(err)
	}
	r := newRunner(t)
	r.declare()
	r.env["WARROOM_HOOKS"] = rig.file
	status := func() string {
		st, err := store.Load(r.file())
		if err != nil {
			t.Fatal(err)
		}
		return string(st.Incident.Status)
	}

	res := r.run("status", "resolved")
	if res.code != 1 || !strings.Contains(res.stderr, "check ./open-tasks.sh refused: 2 tasks still open") ||
		!strings.Contains(res.stderr, "no summary written") {
		t.Fatalf("a refused resolve lists the check with the exit criteria:\n%s", res)
	}
	if s := status(); s != "investigating" {
		t.Errorf("a refused resolve left the status %s", s)
	}
	if err := os.WriteFile(filepath.Join(rig.dir, "done"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	res = r.run("status", "resolved")
	if res.code != 1 || strings.Contains(res.stderr, "open-tasks.sh") || !strings.Contains(res.stderr, "no summary written") {
		t.Fatalf("a check that passes is not listed; the policy's criteria still are:\n%s", res)
	}
	if err := os.Remove(filepath.Join(rig.dir, "done")); err != nil {
		t.Fatal(err)
	}
	r.ok("status", "resolved", "--force", "--reason", "customers are fine")
	if s := status(); s != "resolved" {
		t.Fatalf("a forced resolve left the status %s", s)
	}
	forced := hookEntries(t, r.file(), "status")
	if last := forced[len(forced)-1]; last.Text != "customers are fine" || !slices.Contains(strings.Fields(last.Needs), "check") ||
		!slices.Contains(strings.Fields(last.Needs), "resolve.summary") {
		t.Errorf("the forced resolve's entry: %+v, want its reason and needs naming the check and the summary", last)
	}
	checks := 0
	for _, e := range hookEntries(t, r.file(), "hook") {
		if e.Event == "resolve_requested" && e.Command == "./open-tasks.sh" {
			checks++
		}
	}
	if checks != 3 {
		t.Errorf("%d check runs recorded, want 3", checks)
	}
	// The other hooks on the request, and on the resolve, ran once each
	// time: three requests, one resolve.
	waitUntil(t, 15*time.Second, func() string { return fmt.Sprintf("runs %+v", rig.runs(t)) }, func() bool { return len(rig.runs(t)) >= 4 })
	time.Sleep(300 * time.Millisecond)
	seen := map[string]int{}
	for _, x := range rig.runs(t) {
		seen[x.Event]++
	}
	if seen["resolve_requested"] != 3 || seen["resolved"] != 1 || len(seen) != 2 {
		t.Errorf("runs %v", seen)
	}
}

// TestResolveChecksOnAServedScreen: on a screen served over SSH, S then
// "resolved" runs the team's check hooks in the server, as the member at
// that screen; the screen says it is checking, then lists what the check
// refused with the rest and asks why; the reason given resolves it, and
// the timeline records the check among what was overridden.
func TestResolveChecksOnAServedScreen(t *testing.T) {
	t.Parallel()
	rig := newHookRig(t, `
[[hook]]
on = ["resolve_requested"]
run = ["./canary.sh"]
check = true
`, map[string]string{"canary.sh": "sleep 1\necho 'canary still red'\nexit 1\n"})
	s := startServe(t, []string{"bob"}, nil, "--hooks", rig.file)
	r := s.r
	bob := startTmuxArgv(t, 160, 40, append([]string{"ssh"}, s.sshArgs("bob", true)...)...)
	bob.waitFor(t, has("you: bob"), "bob's screen over SSH")
	bob.typeKeys("S")
	bob.typeText("resolved")
	bob.press("Enter")
	bob.waitFor(t, has("running the team's checks before it is resolved"), "the screen saying it checks")
	bob.waitFor(t, has("Not resolved yet. Why set it anyway?", "check ./canary.sh refused: canary still red"), "what the check refused")
	bob.typeText("canary is flaky")
	bob.press("Enter")
	waitUntil(t, 15*time.Second, func() string { return "the incident is not resolved" }, func() bool {
		st, err := store.Load(r.file())
		return err == nil && st.Incident.Status == "resolved"
	})
	statuses := hookEntries(t, r.file(), "status")
	if last := statuses[len(statuses)-1]; last.By != "bob" || last.Text != "canary is flaky" || !slices.Contains(strings.Fields(last.Needs), "check") {
		t.Errorf("the forced resolve's entry: %+v", last)
	}
	checks := hookEntries(t, r.file(), "hook")
	if len(checks) != 1 || checks[0].Event != "resolve_requested" || checks[0].By != "bob" || checks[0].Result != "exit 1" {
		t.Errorf("the check's run: %+v", checks)
	}
}

// TestServeKeepsTheHostToItself: a member's key lets them into the
// incident, never into the host. Over SSH, nothing names a file or a
// command on the host (--output, --hooks, --sync, --ssh-command), runs
// hooks or hands the hooks runner a job, merges files or sets up git —
// flags before the verb included; an editor may list the hooks, a
// viewer may not. The host's files are as they were and no hook ran.
func TestServeKeepsTheHostToItself(t *testing.T) {
	t.Parallel()
	rig := newHookRig(t, `
[[hook]]
on = ["severity"]
run = ["./mark.sh", "--token", "s3cret"]
`, map[string]string{})
	s := startServe(t, []string{"bob"}, []string{"dana"}, "--hooks", rig.file)
	victim := filepath.Join(s.dir, "victim.txt")
	if err := os.WriteFile(victim, []byte("untouched\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := s.r.snapshot()
	job := `{"replica":"x","runs":[{"hook":{"on":["severity"],"run":["/bin/sh","-c","echo pwned > ` + victim + `"],"timeout":1000000000},"event":{"schema":1,"event":"severity"}}]}`
	for _, tc := range []struct {
		who  string
		args []string
		says string
	}{
		{"bob", []string{"export", "-o", victim}, "--output is not for a served war room"},
		{"bob", []string{"export", "--output=" + victim}, "--output is not for a served war room"},
		{"dana", []string{"export", "-o" + victim}, "--output is not for a served war room"},
		{"bob", []string{"status", "resolved", "--hooks", "/dev/null"}, "--hooks is not for a served war room"},
		{"bob", []string{"--sync", "host:x"}, "--sync is not for a served war room"},
		{"bob", []string{"hooks", "run-job"}, "hooks run-job is not served"},
		{"bob", []string{"hooks", "test", "severity"}, "hooks test is not served"},
		{"dana", []string{"hooks", "list"}, "you may only watch"},
		{"bob", []string{"merge-driver", victim, victim, victim}, "merge-driver is not served"},
		{"bob", []string{"--lang", "en", "merge-driver", victim, victim, victim}, "merge-driver is not served"},
		{"bob", []string{"git", "install", "--global"}, "git install is not served"},
		{"bob", []string{"--wall"}, "--wall is for the screen"},
		// A flag's value that looks like a verb, or like the end of the
		// flags, changes nothing: the line is judged as it will run.
		{"dana", []string{"--theme", "show", "hooks", "run-job"}, "hooks run-job is not served"},
		{"bob", []string{"--rotate", "1s", "hooks", "run-job"}, "hooks run-job is not served"},
		{"bob", []string{"log", "impersonated", "--theme", "--", "--as", "alice"}, "not for a served war room"},
		{"dana", []string{"export", "--theme", "--", "-o", victim}, "not for a served war room"},
		{"bob", []string{"show", "--theme", "--", "--file", victim}, "not for a served war room"},
		{"dana", []string{"log", "viewer wrote this", "--", "-h"}, "you may only watch"},
		{"dana", []string{"--theme", "--help"}, "--theme is not for a served war room"},
		{"bob", []string{"__complete", "show", ""}, "is not served"},
	} {
		// "--" ends ssh's own options: what follows the host is the
		// command, even when it starts with a dash.
		sshArgs := s.sshArgs(tc.who, false)
		sshArgs = append(append(sshArgs[:len(sshArgs)-1:len(sshArgs)-1], "--", sshArgs[len(sshArgs)-1]), tc.args...)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		cmd := exec.CommandContext(ctx, "ssh", sshArgs...)
		cmd.Stdin = strings.NewReader(job)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		err := cmd.Run()
		cancel()
		if err == nil || !strings.Contains(stderr.String(), tc.says) {
			t.Errorf("%s: ssh %q: %v %q, want it refused: %q", tc.who, tc.args, err, stderr.String(), tc.says)
		}
	}
	if out, errOut, code := s.ssh(t, "bob", "hooks", "list"); code != 0 || !strings.Contains(out, "./mark.sh") {
		t.Errorf("an editor's hooks list: %d %q %q", code, out, errOut)
	}
	// What members are meant to run still runs.
	for _, tc := range []struct {
		who  string
		args []string
		says string
	}{
		{"dana", []string{"--lang", "es", "show"}, "Checkout API returning 500s"},
		{"dana", []string{"task", "list"}, ""},
		{"dana", []string{"log", "--help"}, "Usage"},
		{"dana", []string{"--help"}, "Usage"},
	} {
		if out, errOut, code := s.ssh(t, tc.who, tc.args...); code != 0 || !strings.Contains(out, tc.says) {
			t.Errorf("%s: ssh %q: %d %q %q", tc.who, tc.args, code, out, errOut)
		}
	}
	if data, _ := os.ReadFile(victim); string(data) != "untouched\n" {
		t.Errorf("a file on the host changed: %q", data)
	}
	if after := s.r.snapshot(); string(after.data) != string(before.data) {
		t.Error("a refused command changed the incident")
	}
	time.Sleep(500 * time.Millisecond)
	if runs := rig.runs(t); len(runs) != 0 {
		t.Errorf("hooks ran: %+v", runs)
	}
	if _, errOut, code := s.ssh(t, "bob", "log", "-5m", "first", "alert", "fired"); code != 0 {
		t.Errorf("a backdated note over ssh: %d %q", code, errOut)
	} else if e := s.r.lastEntry(); e.By != "bob" || e.Text != "first alert fired" {
		t.Errorf("the backdated note is %+v", e)
	}
}

// TestABrokenHooksFileHoldsTheResolve: a hooks file with a mistake runs
// none of its hooks, so a check in it cannot say no: resolving waits until
// it is fixed, saying why, or is forced with a reason.
func TestABrokenHooksFileHoldsTheResolve(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	for _, rule := range []string{"open_tasks", "roles_answered", "external_update", "summary", "followup_owners"} {
		r.ok("policy", "set", "resolve."+rule, "off")
	}
	file := filepath.Join(r.dir, "hooks.toml")
	if err := os.WriteFile(file, []byte("[[hook]]\non = [\"resolve_requestd\"]\nrun = [\"./canary.sh\"]\ncheck = true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r.env["WARROOM_HOOKS"] = file
	res := r.run("status", "resolved")
	if res.code != 1 || !strings.Contains(res.stderr, "a hooks file has a mistake, so its checks could not run") ||
		!strings.Contains(res.stderr, "resolve_requestd") {
		t.Fatalf("a resolve with a broken hooks file:\n%s", res)
	}
	r.ok("status", "resolved", "--force", "--reason", "the pager is down too")
	statuses := hookEntries(t, r.file(), "status")
	if last := statuses[len(statuses)-1]; last.Needs != "check" {
		t.Errorf("the forced resolve records %+v", last)
	}
}
