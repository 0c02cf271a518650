package hooks

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/warroom/warroom/model"
)

// script writes an executable shell script into dir and returns its path.
func script(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// needUnix skips a test that runs shell scripts and process groups.
func needUnix(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("hooks are run as on unix")
	}
}

// sampleEvent is a severity event on an incident kept in dir.
func sampleEvent(dir string) Event {
	return Event{Schema: SchemaVersion, Event: model.EventSeverity, At: t0, Actor: "alice", Old: "2", New: "1",
		Incident: Incident{ID: "INC-20261125-q9kt", Title: "Checkout down", Severity: 1, Status: "investigating", File: filepath.Join(dir, "incident.toml")}}
}

// TestRunGivesTheEvent: a hook runs as argv (no shell expands its words),
// in the incident file's folder, with the event in its environment and as
// JSON on its standard input.
func TestRunGivesTheEvent(t *testing.T) {
	needUnix(t)
	dir := t.TempDir()
	work := filepath.Join(dir, "incidents")
	if err := os.Mkdir(work, 0o755); err != nil {
		t.Fatal(err)
	}
	hook := script(t, dir, "hook.sh", `{
  pwd
  for a in "$@"; do printf 'arg %s\n' "$a"; done
  env | grep '^WARROOM_' | sort
} > seen.txt
cat > event.json
echo "paged bob"
echo "and more"
`)
	ev := sampleEvent(work)
	t.Setenv("WARROOM_OLD", "from the caller's environment")
	h := Hook{On: []model.HookEvent{model.EventSeverity}, Run: []string{hook, "$(touch pwned)", "two words", "*"}, Timeout: 10 * time.Second}
	res := Run(context.Background(), h, ev)
	if res.Outcome != model.HookOK || res.Output != "paged bob" || res.Exit != 0 {
		t.Fatalf("result %+v", res)
	}
	seen, err := os.ReadFile(filepath.Join(work, "seen.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := work + "\narg $(touch pwned)\narg two words\narg *\n" +
		"WARROOM_ACTOR=alice\nWARROOM_EVENT=severity\nWARROOM_FILE=" + ev.Incident.File + "\nWARROOM_HOOK_RUN=MARK\nWARROOM_INCIDENT=INC-20261125-q9kt\nWARROOM_NEW=1\nWARROOM_OLD=2\n"
	// The run's mark is its own, and marks what it starts.
	seen = regexp.MustCompile(`WARROOM_HOOK_RUN=[0-9a-f]{24}\n`).ReplaceAll(seen, []byte("WARROOM_HOOK_RUN=MARK\n"))
	if string(seen) != want {
		t.Errorf("the hook saw\n%s\nwant\n%s", seen, want)
	}
	if _, err := os.Stat(filepath.Join(work, "pwned")); err == nil {
		t.Error("a word of the command was run by a shell")
	}
	var got Event
	data, _ := os.ReadFile(filepath.Join(work, "event.json"))
	if err := json.Unmarshal(data, &got); err != nil || got.Event != model.EventSeverity || got.Incident.ID != ev.Incident.ID || got.Schema != 1 {
		t.Errorf("the hook read %s (%v)", data, err)
	}
}

// TestRunOutcomes: how a run ended, and the first line of its output as
// the timeline keeps it.
func TestRunOutcomes(t *testing.T) {
	needUnix(t)
	dir := t.TempDir()
	ev := sampleEvent(dir)
	long := strings.Repeat("x", 500)
	for _, tc := range []struct {
		name, body string
		outcome    model.HookOutcome
		exit       int
		output     string
	}{
		{"ok, nothing said", "exit 0\n", model.HookOK, 0, ""},
		{"failed", "echo first; echo second >&2; exit 3\n", model.HookFailed, 3, "first"},
		{"stderr counts", "echo 'no route to pager' >&2; exit 1\n", model.HookFailed, 1, "no route to pager"},
		{"blank lines first", "printf '\\n  \\n  hello  \\r\\nworld\\n'\n", model.HookOK, 0, "hello"},
		{"escapes are data", "printf '\\033[31mred\\033[0m\\007 \\033]0;title\\007done\\n'\n", model.HookOK, 0, "red␇ done"},
		{"cut", "echo " + long + "\n", model.HookOK, 0, strings.Repeat("x", model.MaxHookOutput-1) + "…"},
		{"signal", "kill -9 $$\n", model.HookFailed, -1, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := Hook{Run: []string{script(t, dir, "hook.sh", tc.body)}, Timeout: 10 * time.Second}
			res := Run(context.Background(), h, ev)
			if res.Outcome != tc.outcome || res.Exit != tc.exit || res.Output != tc.output {
				t.Errorf("got %s exit %d %q, want %s exit %d %q", res.Outcome, res.Exit, res.Output, tc.outcome, tc.exit, tc.output)
			}
		})
	}

	missing := Run(context.Background(), Hook{Run: []string{"./no-such-hook"}, Dir: dir, Timeout: time.Second}, ev)
	if missing.Outcome != model.HookError || !strings.Contains(missing.Output, "no-such-hook") {
		t.Errorf("a hook that is not there: %+v", missing)
	}
	plain := filepath.Join(dir, "plain.txt")
	if err := os.WriteFile(plain, []byte("not a program"), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := Run(context.Background(), Hook{Run: []string{plain}, Timeout: time.Second}, ev); res.Outcome != model.HookError {
		t.Errorf("a file that cannot run: %+v", res)
	}
}

// TestRunTimeoutKillsTheGroup: a hook still running at its timeout is
// killed, and so is everything it started.
func TestRunTimeoutKillsTheGroup(t *testing.T) {
	needUnix(t)
	dir := t.TempDir()
	hook := script(t, dir, "hang.sh", "sleep 60 &\necho $! > child.pid\necho waiting for the pager\nwait\n")
	res := Run(context.Background(), Hook{Run: []string{hook}, Timeout: 300 * time.Millisecond}, sampleEvent(dir))
	if res.Outcome != model.HookTimeout || res.Output != "waiting for the pager" {
		t.Fatalf("result %+v", res)
	}
	if res.Took >= 30*time.Second {
		t.Errorf("the run took %v: it waited for the hook rather than kill it", res.Took)
	}
	data, err := os.ReadFile(filepath.Join(dir, "child.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for alive(pid) {
		if time.Now().After(deadline) {
			t.Fatalf("the hook's child %d still runs after the hook was killed", pid)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// alive reports whether pid runs: a process that ended and awaits its
// parent's wait (a zombie) does not.
func alive(pid int) bool {
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return false
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return !errors.Is(err, os.ErrNotExist) && runtime.GOOS != "linux"
	}
	// pid (comm) state …: the state follows the last ')'.
	s := string(stat)
	i := strings.LastIndexByte(s, ')')
	return i < 0 || i+2 >= len(s) || s[i+2] != 'Z'
}

// TestRunEndsWhatItLeft: a hook that exits at once, leaving a process
// that holds its output, is a run that went well; the run does not wait
// for what it left, and what it left is killed with it: nothing a hook
// starts outlives it.
func TestRunEndsWhatItLeft(t *testing.T) {
	needUnix(t)
	dir := t.TempDir()
	hook := script(t, dir, "bg.sh", "sleep 30 &\necho $! > bg.pid\necho sent\n")
	res := Run(context.Background(), Hook{Run: []string{hook}, Timeout: 20 * time.Second}, sampleEvent(dir))
	if res.Outcome != model.HookOK || res.Output != "sent" || res.Took >= 10*time.Second {
		t.Errorf("result %+v", res)
	}
	data, err := os.ReadFile(filepath.Join(dir, "bg.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Kill(pid, syscall.SIGKILL)
	deadline := time.Now().Add(5 * time.Second)
	for alive(pid) {
		if time.Now().After(deadline) {
			t.Fatalf("what the hook left (%d) still runs after it ended", pid)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestWhatARunSaysIsWhatTheHookSaid: the first line a hook printed that a
// terminal would show is its output (a line of colour codes alone is not
// it), and a command too long for an entry is recorded by its start
// rather than not at all.
func TestWhatARunSaysIsWhatTheHookSaid(t *testing.T) {
	if got := firstLine("\x1b[31m\x1b[0m\r\n  \n\x1b[1mcanary still red\x1b[0m\nmore"); got != "canary still red" {
		t.Errorf("first line %q", got)
	}
	long := Hook{Run: []string{"./page.sh", strings.Repeat("x", 2*model.MaxEntry)}}
	op := Result{Hook: long, Event: Event{Event: model.EventSeverity}, Outcome: model.HookOK}.Op()
	if n := utf8.RuneCountInString(op.Command); n != model.MaxEntry || !strings.HasPrefix(op.Command, "./page.sh xxx") || !strings.HasSuffix(op.Command, "…") {
		t.Errorf("a long command is recorded as %d characters: %.40q", n, op.Command)
	}
	s, _, err := model.State{}.Apply(model.DefaultCatalog(), model.Declare{Title: "t", Commander: "alice"}, model.Env{Now: time.Now(), Actor: "alice", IDs: &model.SeqIDs{}})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Apply(model.DefaultCatalog(), op, model.Env{Now: time.Now(), Actor: "alice", IDs: &model.SeqIDs{}}); err != nil {
		t.Errorf("the run of a long command is not recorded: %v", err)
	}
}

// TestRunKillsWhatLeftTheGroup: what a hook started in a session of its
// own (setsid), out of the hook's process group, is killed at the hook's
// timeout, and when the hook ends first: nothing a hook starts outlives
// it, however it detached.
func TestRunKillsWhatLeftTheGroup(t *testing.T) {
	needUnix(t)
	if runtime.GOOS != "linux" {
		t.Skip("only Linux shows what left a process group (/proc); README says so")
	}
	if _, err := exec.LookPath("setsid"); err != nil {
		t.Skip("no setsid to detach with")
	}
	for _, c := range []struct {
		name, body string
		timeout    time.Duration
		want       model.HookOutcome
	}{
		{"at its timeout", "setsid sh -c 'echo $$ > escaped.pid; exec sleep 60' &\necho waiting\nsleep 60\n", 500 * time.Millisecond, model.HookTimeout},
		{"when it ends", "setsid sh -c 'echo $$ > escaped.pid; exec sleep 60' < /dev/null > /dev/null 2>&1 &\nsleep 0.3\necho sent\n", 20 * time.Second, model.HookOK},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			hook := script(t, dir, "detach.sh", c.body)
			res := Run(context.Background(), Hook{Run: []string{hook}, Timeout: c.timeout}, sampleEvent(dir))
			if res.Outcome != c.want {
				t.Errorf("result %+v", res)
			}
			data, err := os.ReadFile(filepath.Join(dir, "escaped.pid"))
			if err != nil {
				t.Fatal(err)
			}
			pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
			if err != nil {
				t.Fatal(err)
			}
			defer syscall.Kill(pid, syscall.SIGKILL)
			deadline := time.Now().Add(5 * time.Second)
			for alive(pid) {
				if time.Now().After(deadline) {
					t.Fatalf("what the hook started in a session of its own (%d) still runs after the hook", pid)
				}
				time.Sleep(20 * time.Millisecond)
			}
		})
	}
}
