package main

// An end-to-end test of the war-room screen: the real binary (built by
// TestMain) runs in a private tmux server, and the test types at it and
// reads the screen back as a person would.

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-runewidth"
)

const (
	tmuxPoll    = 50 * time.Millisecond
	tmuxTimeout = 10 * time.Second
)

// tmuxSession is one private tmux server running one warroom screen.
type tmuxSession struct {
	t      *testing.T
	tmuxer string // the tmux binary
	socket string // the -L name
	target string // the session's one pane
}

// needTmux returns the tmux binary, skipping the test when there is none,
// except under CI=true, which installs it: there a missing tmux fails.
func needTmux(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("tmux")
	if err != nil {
		if strings.EqualFold(os.Getenv("CI"), "true") {
			t.Fatalf("tmux not found and CI=true (CI installs tmux): %v", err)
		}
		t.Skipf("tmux not found, skipping the end-to-end screen test: %v", err)
	}
	return path
}

// startTmux starts a private tmux server whose one pane, width×height,
// runs the warroom binary with exactly env (plus PATH, HOME, TZ=UTC and
// TERM=xterm-256color). The pane stays after the program exits, so its
// exit status can be read. The server is killed when the test ends.
func startTmux(t *testing.T, home string, env map[string]string, width, height int, flags ...string) *tmuxSession {
	t.Helper()
	// The program's environment is built from nothing, as execWarroom
	// does, so that no WARROOM_* of the developer's shell leaks in.
	argv := []string{"env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + home, "TZ=UTC", "TERM=xterm-256color"}
	for k, v := range env {
		argv = append(argv, k+"="+v)
	}
	return startTmuxArgv(t, width, height, append(append(argv, binPath), flags...)...)
}

// startTmuxArgv runs argv in a new tmux session of its own, width×height,
// ended when the test ends.
func startTmuxArgv(t *testing.T, width, height int, argv ...string) *tmuxSession {
	t.Helper()
	tmux := needTmux(t)
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	s := &tmuxSession{t: t, tmuxer: tmux, socket: fmt.Sprintf("warroom-e2e-%d-%s", os.Getpid(), hex.EncodeToString(b)), target: "main"}

	// One tmux invocation: remain-on-exit is on before the program starts,
	// however fast it exits.
	args := []string{"start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
		"new-session", "-d", "-x", fmt.Sprint(width), "-y", fmt.Sprint(height), "-s", s.target}
	args = append(args, argv...)
	if _, err := s.tmux(args...); err != nil {
		t.Fatalf("start tmux: %v", err)
	}
	socketPath, _ := s.tmux("display-message", "-p", "#{socket_path}")
	t.Cleanup(func() {
		if out, err := s.tmux("kill-server"); err != nil {
			t.Logf("tmux kill-server: %v %s", err, out)
		}
		if p := strings.TrimSpace(socketPath); p != "" {
			_ = os.Remove(p)
		}
	})
	return s
}

// tmux runs one tmux command against this session's server.
func (s *tmuxSession) tmux(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), tmuxTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, s.tmuxer, append([]string{"-L", s.socket, "-f", "/dev/null"}, args...)...)
	// Inside a tmux of the developer's, TMUX would point elsewhere.
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TMUX=") && !strings.HasPrefix(kv, "TMUX_PANE=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String(), fmt.Errorf("tmux %q: %w: %s", args, err, stderr.String())
	}
	return stdout.String(), nil
}

// must runs a tmux command that has to succeed.
func (s *tmuxSession) must(args ...string) string {
	s.t.Helper()
	out, err := s.tmux(args...)
	if err != nil {
		s.t.Fatal(err)
	}
	return out
}

// typeText types text literally, in one write: fast typing or a paste.
func (s *tmuxSession) typeText(text string) {
	s.t.Helper()
	time.Sleep(humanGap)
	s.must("send-keys", "-t", s.target, "-l", text)
}

// humanGap is the least time between two keys a person presses: keys that
// come closer together are a burst, and text in a burst after an enter
// that closed a prompt is the rest of a paste, not commands.
const humanGap = 80 * time.Millisecond

// typeKeys types text one key at a time, as a person does.
func (s *tmuxSession) typeKeys(text string) {
	s.t.Helper()
	for _, r := range text {
		time.Sleep(humanGap)
		s.must("send-keys", "-t", s.target, "-l", string(r))
	}
}

// press presses keys by their tmux names, one at a time, as a person
// does: Tab, BTab, Enter, Escape, Right…
func (s *tmuxSession) press(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		time.Sleep(humanGap)
		s.must("send-keys", "-t", s.target, k)
	}
}

// screen is what the pane shows now, as plain text.
func (s *tmuxSession) screen() string {
	s.t.Helper()
	return s.must("capture-pane", "-p", "-t", s.target)
}

// pane reads a pane format such as #{pane_dead}.
func (s *tmuxSession) pane(format string) string {
	s.t.Helper()
	return strings.TrimSpace(s.must("display-message", "-p", "-t", s.target, format))
}

// resize makes the window width×height (resize-pane where tmux has no
// resize-window).
func (s *tmuxSession) resize(width, height int) {
	s.t.Helper()
	x, y := fmt.Sprint(width), fmt.Sprint(height)
	if _, err := s.tmux("resize-window", "-t", s.target, "-x", x, "-y", y); err != nil {
		if _, err2 := s.tmux("resize-pane", "-t", s.target, "-x", x, "-y", y); err2 != nil {
			s.t.Fatalf("resize to %s×%s: %v; %v", x, y, err, err2)
		}
	}
}

// waitFor polls the screen every 50 ms until pred holds, and returns that
// screen; after 10 s it fails the test with the last screen seen.
func (s *tmuxSession) waitFor(t *testing.T, pred func(screen string) bool, what string) string {
	t.Helper()
	deadline := time.Now().Add(tmuxTimeout)
	for {
		screen := s.screen()
		if pred(screen) {
			return screen
		}
		if time.Now().After(deadline) {
			dead := s.pane("#{pane_dead} #{pane_dead_status}")
			t.Fatalf("waited %s for %s; pane dead/status: %q; last screen:\n%s", tmuxTimeout, what, dead, frame(screen))
		}
		time.Sleep(tmuxPoll)
	}
}

// waitForExit polls until the pane is dead and tmux has its exit status,
// and returns that status.
//
// The pane's terminal closes before tmux reaps the process, so
// #{pane_dead} can be 1 while #{pane_dead_status} is still empty (tmux
// pull request #4841). With tmux 3.3a the status sometimes never comes:
// the exited program stays a zombie until tmux handles another SIGCHLD
// (seen with a minimal Go program too, never with sh). A run-shell job's
// exit is such a SIGCHLD, and tmux's waitpid(WAIT_ANY) loop then reaps the
// pane's process as well, so the status read is still the program's own.
func (s *tmuxSession) waitForExit(t *testing.T) string {
	t.Helper()
	deadline := time.Now().Add(tmuxTimeout)
	for {
		dead, status, _ := strings.Cut(s.pane("#{pane_dead} #{pane_dead_status}"), " ")
		if dead == "1" && status != "" {
			return status
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for the program to exit: pane_dead=%q pane_dead_status=%q (%s); last screen:\n%s",
				tmuxTimeout, dead, status, s.pane("pane_dead_signal=#{pane_dead_signal} pane_pid=#{pane_pid}"), frame(s.screen()))
		}
		if dead == "1" {
			_, _ = s.tmux("run-shell", "true")
		}
		time.Sleep(tmuxPoll)
	}
}

// frame shows a screen with its lines numbered and their ends marked, for
// failure messages; trailing blank lines are counted, not shown.
func frame(screen string) string {
	lines := screenLines(screen)
	n := len(lines)
	for n > 0 && strings.TrimSpace(lines[n-1]) == "" {
		n--
	}
	out := make([]string, 0, n+1)
	for i, l := range lines[:n] {
		out = append(out, fmt.Sprintf("%2d|%s|", i, l))
	}
	if n < len(lines) {
		out = append(out, fmt.Sprintf("  (%d blank lines)", len(lines)-n))
	}
	return strings.Join(out, "\n")
}

// has reports whether the screen contains every one of subs.
func has(subs ...string) func(string) bool {
	return func(screen string) bool {
		for _, sub := range subs {
			if !strings.Contains(screen, sub) {
				return false
			}
		}
		return true
	}
}

// matchAll reports whether the screen matches every one of res.
func matchAll(res ...*regexp.Regexp) func(string) bool {
	return func(screen string) bool {
		for _, re := range res {
			if !re.MatchString(screen) {
				return false
			}
		}
		return true
	}
}

// screenLines is the screen's lines, without the final newline.
func screenLines(screen string) []string {
	return strings.Split(strings.TrimSuffix(screen, "\n"), "\n")
}

// fitsWidth reports whether the screen is width×height, each line at most
// width columns, with every pane's right border inside it: a screen drawn
// for this size, not a wider one cut off.
func fitsWidth(screen string, width, height int) bool {
	lines := screenLines(screen)
	if len(lines) != height {
		return false
	}
	for _, l := range lines {
		if runewidth.StringWidth(l) > width || len([]rune(l)) > width {
			return false
		}
		l = strings.TrimRight(l, " ")
		if l == "" {
			continue
		}
		first, last := []rune(l)[0], []rune(l)[len([]rune(l))-1]
		if strings.ContainsRune("┃│┏┗╭╰", first) && !strings.ContainsRune("┃│┓┛╮╯", last) {
			return false
		}
	}
	return true
}

// focusedRole matches the screen with role n, name, as the focused pane:
// its pane title "Name  n/8" (in a box side by side, on a rule stacked)
// and its tab in brackets.
func focusedRole(n int, name string) func(string) bool {
	return matchAll(
		regexp.MustCompile(`(?m)^(?:[┃│]|━━ )`+regexp.QuoteMeta(name)+fmt.Sprintf(`  %d/8 `, n)),
		regexp.MustCompile(`\[●?`+fmt.Sprint(n)+` `+regexp.QuoteMeta(name)+`: \w+[*?]?\]`),
	)
}

func TestTmuxWarRoomScreen(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "warroom.toml")
	s := startTmux(t, dir, map[string]string{"WARROOM_FILE": file, "WARROOM_USER": "alice"}, 120, 40)

	const title = "Checkout API down, enter esc 500s"
	header := func(screen string) bool {
		first := screenLines(screen)[0]
		// At 80 columns the title is cut to fit; its start is always there.
		return strings.Contains(first, title[:len("Checkout API")]) && strings.Contains(first, "SEV1") && strings.Contains(first, "INVESTIGATING")
	}

	// 1. No file yet: the declare form. The words "down", "enter" and
	// "esc" typed in the title are text, not the form's keys.
	s.waitFor(t, matchAll(
		regexp.MustCompile(`Declare an incident`),
		regexp.MustCompile(`(?m)^› Title `),
		regexp.MustCompile(`(?m)^  Incident manager +alice`),
	), "the declare form, the title focused and the incident manager prefilled")
	s.typeText(title)
	s.waitFor(t, matchAll(regexp.MustCompile(`(?m)^› Title +`+regexp.QuoteMeta(title))), "the title typed in the form")
	s.press("Tab")
	s.waitFor(t, matchAll(regexp.MustCompile(`(?m)^› Severity`)), "the severity field focused")
	s.typeKeys("1")
	s.press("Tab")
	s.waitFor(t, matchAll(
		regexp.MustCompile(`(?m)^  Severity +1 *$`),
		regexp.MustCompile(`(?m)^› Incident manager +alice`),
	), "severity 1 and the incident manager field focused, prefilled with alice")
	s.press("Enter")
	s.waitFor(t, header, "the main screen with the title, SEV1 and INVESTIGATING on top")
	s.waitFor(t, focusedRole(1, "Incident manager"), "the incident manager pane focused")
	if _, err := os.Stat(file); err != nil {
		t.Fatalf("after declaring on the screen: %v", err)
	}

	// 2. Tab visits every role pane in order and wraps; shift+tab goes
	// back; the digits jump.
	roles := []string{"Incident manager", "Tech lead", "Communications manager", "Customer support lead",
		"Subject matter expert", "Social media lead", "Scribe", "Problem manager"}
	for i := 1; i <= len(roles); i++ {
		n := i%len(roles) + 1
		s.press("Tab")
		s.waitFor(t, focusedRole(n, roles[n-1]), fmt.Sprintf("tab #%d to focus %s", i, roles[n-1]))
	}
	s.press("BTab")
	s.waitFor(t, focusedRole(8, "Problem manager"), "shift+tab from Incident manager to focus Problem manager")
	s.typeKeys("3")
	s.waitFor(t, focusedRole(3, "Communications manager"), `"3" to focus Communications manager`)
	s.typeKeys("2")
	s.waitFor(t, focusedRole(2, "Tech lead"), `"2" to focus Tech lead`)

	// 3. Hand off the tech lead with a briefing, in one prompt.
	s.typeKeys("h")
	s.waitFor(t, has("Hand off Tech lead to:"), "the handoff prompt")
	s.typeText("bob: db primary is flapping")
	s.press("Enter")
	s.waitFor(t, matchAll(
		regexp.MustCompile(`(?m)^┃Held by bob since `),
		regexp.MustCompile(`(?m)^┃Briefing: "db primary is flapping"`),
		regexp.MustCompile(`\[2 Tech lead: bob\?\]`),
	), "Tech lead held by bob, with the briefing, and bob on its tab")
	s.waitFor(t, has("Timeline (2)"), "the handoff in the timeline")

	// 4. A note and a task whose text holds "q" (quit) and "down" (a list
	// key): text in a prompt is text. The note is typed key by key, the
	// task title in one write, as fast typing or a paste arrives.
	const note = "rolled back q down the line"
	// alice's note is hers (the incident manager's) until tab files it
	// under the tech lead's pane she is on.
	s.typeKeys("n")
	s.waitFor(t, has("Note for Incident manager:"), "the note prompt, filed under alice's own role")
	s.press("Tab")
	s.waitFor(t, has("Note for Tech lead:"), "the note prompt, filed under the tech lead")
	s.typeKeys(note)
	s.waitFor(t, has("Note for Tech lead: "+note), "the note typed in the prompt")
	s.press("Enter")
	s.waitFor(t, matchAll(
		regexp.MustCompile(`Timeline \(3\)`),
		regexp.MustCompile(`alice +note +\[Tech lead\] rolled back q down`),
	), "the note in the timeline")
	if dead := s.pane("#{pane_dead}"); dead != "0" {
		t.Fatalf("the program exited after a note with a q in it (pane_dead=%s):\n%s", dead, frame(s.screen()))
	}

	const task = "down q"
	s.typeKeys("t")
	s.waitFor(t, has("New task for Tech lead:"), "the task prompt")
	s.typeText(task)
	s.waitFor(t, has("New task for Tech lead: "+task), "the task title typed in the prompt")
	s.press("Enter")
	s.waitFor(t, matchAll(
		regexp.MustCompile(`Tasks \(1 open, 0 closed\)`),
		regexp.MustCompile(`│\[ \] [0-9a-z]+ down q +TL \(bob\) · `),
		regexp.MustCompile(`Timeline \(4\)`),
	), "the task in the task list")
	if dead := s.pane("#{pane_dead}"); dead != "0" {
		t.Fatalf("the program exited after a task titled %q (pane_dead=%s):\n%s", task, dead, frame(s.screen()))
	}

	// 5. Another process writes to the file: the screen shows it with no
	// key pressed.
	bot := &runner{t: t, dir: dir, env: map[string]string{"WARROOM_FILE": file, "WARROOM_USER": "bot"}}
	bot.ok("log", "from a script")
	s.waitFor(t, matchAll(
		regexp.MustCompile(`Timeline \(5\)`),
		regexp.MustCompile(`bot +note +from a script`),
	), "the script's entry on the screen, without a key press")

	// 6. Resize: 80×24 is drawn for 80 columns; 40×10 is too small; back
	// at 120×40 the full screen returns.
	// tmux crops a screen drawn for 120 columns: only a redraw puts the
	// status, drawn at the right edge, back on the first line.
	bobsTab := regexp.MustCompile(`\[2 (?:Tech lead|TL): bob\?\]`)
	s.resize(80, 24)
	s.waitFor(t, func(screen string) bool {
		return header(screen) && fitsWidth(screen, 80, 24) && bobsTab.MatchString(screen)
	}, "the screen redrawn for 80×24: the header on top, every line and pane border within 80 columns, bob on the Tech lead tab")
	s.resize(40, 10)
	s.waitFor(t, has("terminal too small"), `"terminal too small" at 40×10`)
	s.resize(120, 40)
	s.waitFor(t, func(screen string) bool {
		return header(screen) && fitsWidth(screen, 120, 40) && focusedRole(2, "Tech lead")(screen)
	}, "the full screen back at 120×40")

	// 7. q quits, with exit status 0.
	s.typeKeys("q")
	if status := s.waitForExit(t); status != "0" {
		t.Fatalf("warroom exited with status %s, want 0; screen:\n%s", status, frame(s.screen()))
	}

	// 8. The file holds exactly what was done on the screen and by the
	// script.
	alice := &runner{t: t, dir: dir, env: map[string]string{"WARROOM_FILE": file, "WARROOM_USER": "alice"}}
	d := alice.export()
	if d.Incident.Title != title || d.Incident.Severity != 1 || d.Incident.Status != "investigating" || d.Incident.DeclaredBy != "alice" {
		t.Errorf("incident = %+v, want %q, severity 1, investigating, declared by alice", d.Incident, title)
	}
	if holder, byDefault := d.role(t, "incident_manager", ""); holder != "alice" || byDefault {
		t.Errorf("incident manager = %q (default %v), want alice", holder, byDefault)
	}
	if holder, byDefault := d.role(t, "tech_lead", ""); holder != "bob" || byDefault {
		t.Errorf("tech lead = %q (default %v), want bob", holder, byDefault)
	}
	handoffs := 0
	for _, a := range d.Assignments {
		if a.Role == "tech_lead" {
			handoffs++
			if a.Holder != "bob" || a.By != "alice" || a.Note != "db primary is flapping" || a.Workstream != "" {
				t.Errorf("tech lead assignment = %+v, want bob by alice with the briefing", a)
			}
		}
	}
	if handoffs != 1 {
		t.Errorf("%d tech lead assignments, want 1: %+v", handoffs, d.Assignments)
	}
	if len(d.Tasks) != 1 || d.Tasks[0].Title != task || d.Tasks[0].Role != "tech_lead" ||
		d.Tasks[0].State != "open" || d.Tasks[0].CreatedBy != "alice" || d.Tasks[0].Owner != "" {
		t.Errorf("tasks = %+v, want one open task %q for tech_lead by alice", d.Tasks, task)
	}
	type want struct{ by, kind, role, text string }
	wants := []want{
		{"alice", "declared", "", title},
		{"alice", "handoff", "tech_lead", ""},
		{"alice", "note", "tech_lead", note},
		{"alice", "task_added", "tech_lead", ""},
		{"bot", "note", "", "from a script"},
	}
	if len(d.Timeline) != len(wants) {
		t.Fatalf("timeline has %d entries, want %d: %+v", len(d.Timeline), len(wants), d.Timeline)
	}
	for i, w := range wants {
		e := d.Timeline[i]
		if e.By != w.by || e.Kind != w.kind || e.Role != w.role || (w.text != "" && e.Text != w.text) {
			t.Errorf("timeline[%d] = %+v, want by %s, kind %s, role %q, text %q", i, e, w.by, w.kind, w.role, w.text)
		}
	}
	if e := d.entryWithText(t, note); !strings.Contains(e.Text, " q ") || !strings.Contains(e.Text, "down") {
		t.Errorf("note text %q lost its q or down", e.Text)
	}
	if e := d.Timeline[1]; e.To != "bob" || e.From != "alice" {
		t.Errorf("handoff entry = %+v, want from alice to bob", e)
	}
	if e := d.Timeline[3]; e.Task != d.Tasks[0].ID {
		t.Errorf("task entry = %+v, want task %s", e, d.Tasks[0].ID)
	}
}

// TestTmuxWallIsReadOnly opens the wall on an incident, presses every key
// that edits on the screen and types text, and checks that the file is
// byte for byte as it was.
func TestTmuxWallIsReadOnly(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("handoff", "tl", "bob")
	before, err := os.ReadFile(r.file())
	if err != nil {
		t.Fatal(err)
	}
	s := startTmux(t, r.dir, map[string]string{"WARROOM_FILE": r.file(), "WARROOM_USER": "alice"}, 120, 40, "--wall")
	techLeadBob := matchAll(regexp.MustCompile(`read-only`), regexp.MustCompile(`Tech lead +bob`))
	s.waitFor(t, techLeadBob, "the wall, saying it is read-only")
	for _, k := range []string{"h", "n", "t", "S", "V", "u", "C", "w", "A", "X", "3", "w", "4", "r", "+", "Right", "Right", "s", "d", "o", "x", "a"} {
		s.press(k)
	}
	s.typeText("2hbob: down")
	s.press("Enter")
	s.waitFor(t, techLeadBob, "the wall, still read-only after the keys")
	if dead := s.pane("#{pane_dead}"); dead != "0" {
		t.Fatal("the wall left before q was pressed")
	}
	s.typeKeys("q")
	if status := s.waitForExit(t); status != "0" {
		t.Fatalf("the wall exited with status %s", status)
	}
	after, err := os.ReadFile(r.file())
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Error("keys pressed on the wall changed the incident file")
	}
}

// TestTmuxUpdateApproval: with approval required for external updates,
// the communications manager writes an update from the draft on her
// screen, and it waits; the incident manager approves it with A on his,
// and only then is it sent.
func TestTmuxUpdateApproval(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.declare()
	r.ok("handoff", "comms", "carol")
	r.ok("policy", "set", "approval.external", "on") // the incident's policy, for every screen
	env := func(who string) map[string]string {
		return map[string]string{"WARROOM_FILE": r.file(), "WARROOM_USER": who}
	}

	carol := startTmux(t, r.dir, env("carol"), 120, 40)
	carol.pastCatchUp(t, "carol") // she has not taken part yet
	// Her screen opens on her own role's pane.
	carol.waitFor(t, has("[●3 Communications manager: carol?]", "Updates · w write an update"), "carol's screen on the communications manager's pane")
	carol.typeKeys("w")
	carol.waitFor(t, has("Update to external: We are investigating an issue: Checkout API returning 500s", "for approval"), "the draft")
	carol.press("Enter")
	carol.waitFor(t, has("awaiting the approval of alice", "drafts awaiting approval: 1"), "the draft waiting")
	carol.typeKeys("q")
	if status := carol.waitForExit(t); status != "0" {
		t.Fatalf("carol's screen exited with status %s", status)
	}
	if list := r.ok("update", "list"); !strings.Contains(list, "Awaiting the incident manager's approval") {
		t.Fatalf("the draft is not on file:\n%s", list)
	}

	alice := startTmux(t, r.dir, env("alice"), 120, 40)
	alice.waitFor(t, has("TO APPROVE (1) · A approve", "carol"), "the approval queue on alice's pane")
	alice.typeKeys("A")
	alice.waitFor(t, has("Approve and send update: e"), "the approve prompt")
	alice.press("Enter")
	alice.waitFor(t, func(s string) bool {
		return !strings.Contains(s, "TO APPROVE") && strings.Contains(s, "external update, drafted by carol")
	},
		"the approved update in the timeline")
	alice.typeKeys("q")
	if status := alice.waitForExit(t); status != "0" {
		t.Fatalf("alice's screen exited with status %s", status)
	}
	if e := r.lastEntry(); e.Kind != "comms" || e.By != "alice" || e.From != "carol" || !strings.HasPrefix(e.Text, "We are investigating an issue") {
		t.Errorf("last entry %+v", e)
	}
}
