package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/warroom/warroom/model/sshsync/sshtest"
)

// served is a `warroom serve` started by a test on a free loopback port,
// with its own team file and host key, and the keys of its people.
type served struct {
	r    *runner
	dir  string
	port string
	team string
	keys map[string]string // person → private key file
	cmd  *exec.Cmd
	log  *syncBuffer // its standard error
	out  *syncBuffer // its standard output
}

// syncBuffer is a buffer one goroutine writes while another reads.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// startServe declares an incident, makes keys for people, lets the
// editors in with edit access and the viewers with view access, and
// starts the server, stopping it when the test ends.
func startServe(t testing.TB, editors, viewers []string, flags ...string) *served {
	t.Helper()
	return startServeOn(t, binPath, func(r *runner) { r.declare() }, editors, viewers, flags...)
}

// startServeOn is startServe on the incident prepare makes, served by the
// warroom binary bin.
func startServeOn(t testing.TB, bin string, prepare func(*runner), editors, viewers []string, flags ...string) *served {
	t.Helper()
	sshtest.NeedTool(t, "ssh")
	sshtest.NeedTool(t, "ssh-keygen")
	r := newRunner(t)
	prepare(r)
	s := &served{r: r, dir: r.dir, team: filepath.Join(r.dir, "team.toml"), keys: map[string]string{}, log: &syncBuffer{}, out: &syncBuffer{}}
	for _, who := range append(append([]string{}, editors...), append(viewers, "stranger")...) {
		key := filepath.Join(r.dir, who+"_key")
		if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", who, "-f", key).CombinedOutput(); err != nil {
			t.Fatalf("ssh-keygen: %v %s", err, out)
		}
		s.keys[who] = key
	}
	for _, who := range editors {
		r.ok("team", "add", who, s.keys[who]+".pub", "--team", s.team)
	}
	for _, who := range viewers {
		r.ok("team", "add", who, s.keys[who]+".pub", "--view", "--team", s.team)
	}
	args := append([]string{"serve", "--listen", "127.0.0.1:0", "--team", s.team, "--host-key", filepath.Join(r.dir, "host_key")}, flags...)
	ctx, cancel := context.WithCancel(context.Background())
	s.cmd = exec.CommandContext(ctx, bin, args...)
	s.cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + r.dir, "WARROOM_FILE=" + r.file(), "WARROOM_USER=host", "TZ=UTC"}
	s.cmd.Cancel = func() error { return s.cmd.Process.Signal(syscall.SIGTERM) }
	out, err := s.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	s.cmd.Stderr = s.log
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		_ = s.cmd.Wait()
	})
	lines := bufio.NewScanner(out)
	port := regexp.MustCompile(`on 127\.0\.0\.1:(\d+)`)
	ready := make(chan string, 1)
	go func() {
		for lines.Scan() {
			s.out.Write([]byte(lines.Text() + "\n"))
			if m := port.FindStringSubmatch(lines.Text()); m != nil {
				ready <- m[1]
			}
		}
	}()
	select {
	case s.port = <-ready:
	case <-time.After(10 * time.Second):
		t.Fatalf("warroom serve did not start; its log:\n%s", s.log)
	}
	return s
}

// sshArgs are the ssh options to connect as who.
func (s *served) sshArgs(who string, tty bool) []string {
	args := []string{"-p", s.port, "-i", s.keys[who], "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=no",
		"-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR"}
	if tty {
		args = append(args, "-tt")
	}
	return append(args, "127.0.0.1")
}

// ssh runs a command over SSH as who: its output and exit status.
func (s *served) ssh(t *testing.T, who string, command ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	// "--" ends ssh's own options: what follows the host is the command,
	// even when it starts with a dash.
	args := s.sshArgs(who, false)
	args = append(append(args[:len(args)-1:len(args)-1], "--", args[len(args)-1]), command...)
	cmd := exec.CommandContext(ctx, "ssh", args...)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("ssh %v: %v", command, err)
	}
	return stdout.String(), stderr.String(), code
}

// TestServeCommandsRunAsTheKeysOwner: over SSH, command-line verbs run on
// the served file as the person whose key completed authentication —
// never as --as says; a viewer may only read; a key not in the team is
// told its fingerprint and how to be added; who lists the screens.
func TestServeCommandsRunAsTheKeysOwner(t *testing.T) {
	t.Parallel()
	s := startServe(t, []string{"alice", "bob"}, []string{"dana"})
	if out, errOut, code := s.ssh(t, "bob", "log", "replica lag 40s"); code != 0 {
		t.Fatalf("bob's log over ssh: %d %q %q", code, out, errOut)
	}
	if e := s.r.lastEntry(); e.By != "bob" || e.Text != "replica lag 40s" {
		t.Errorf("the entry is %+v, want bob's", e)
	}
	before := s.r.snapshot()
	if _, errOut, code := s.ssh(t, "bob", "log", "--as", "alice", "x"); code != 2 || !strings.Contains(errOut, "--as is not for a served war room") {
		t.Errorf("--as over ssh: %d %q", code, errOut)
	}
	if out, _, code := s.ssh(t, "dana", "show"); code != 0 || !strings.Contains(out, "Checkout API returning 500s") {
		t.Errorf("dana's show: %d %q", code, out)
	}
	if _, errOut, code := s.ssh(t, "dana", "log", "x"); code == 0 || !strings.Contains(errOut, "only watch") {
		t.Errorf("dana's log: %d %q", code, errOut)
	}
	if _, errOut, code := s.ssh(t, "stranger", "show"); code == 0 || !strings.Contains(errOut, "SHA256:") || !strings.Contains(errOut, "warroom team add") {
		t.Errorf("a stranger: %d %q", code, errOut)
	}
	if out, _, code := s.ssh(t, "dana", "who"); code != 0 || !strings.Contains(out, "nobody has a screen open here") {
		t.Errorf("who with no screen open: %d %q", code, out)
	}
	if _, errOut, code := s.ssh(t, "alice", "sync", "host:x"); code == 0 || !strings.Contains(errOut, "not served") {
		t.Errorf("sync over ssh: %d %q", code, errOut)
	}
	if after := s.r.snapshot(); string(after.data) != string(before.data) {
		t.Error("a refused command changed the file")
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if l := s.log.String(); strings.Contains(l, "msg=refused") && strings.Contains(l, "msg=joined who=bob") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the log does not say who came and who was refused:\n%s", s.log)
		}
	}
}

// TestServeScreensShowEveryChange: two people on screens over SSH, and the
// command line on the served file: each change reaches both screens, keys
// sent in bursts land where they were typed, and each header counts who
// is connected. A client that stops reading does not hold up the other.
func TestServeScreensShowEveryChange(t *testing.T) {
	t.Parallel()
	s := startServe(t, []string{"alice", "bob"}, nil)
	s.r.ok("handoff", "tl", "bob")
	alice := startTmuxArgv(t, 120, 40, append([]string{"ssh"}, s.sshArgs("alice", true)...)...)
	// bob's window is large, so that his screen's frames are large and fill
	// the SSH window quickly once his client stops reading.
	bob := startTmuxArgv(t, 250, 80, append([]string{"ssh"}, s.sshArgs("bob", true)...)...)
	alice.waitFor(t, has("you: alice", "2 connected"), "alice's screen, with two connected")
	bob.waitFor(t, has("you: bob", "[●2 Tech lead: bob?]"), "bob's screen on his own role")

	// A burst from bob over SSH: "n", the note, enter — one write.
	bob.typeText("nth: pool exhausted after deploy 142\r")
	bob.waitFor(t, has("Theories (1 open)"), "bob's theory on his screen")
	alice.waitFor(t, has("bob      theory    [Tech lead] theory", "pool exhauste"), "bob's theory on alice's screen")
	// The command line on the file reaches both.
	s.r.ok("log", "from the command line")
	alice.waitFor(t, has("from the command line"), "the command line's entry on alice's screen")
	bob.waitFor(t, has("from the command line"), "the command line's entry on bob's screen")

	// bob's client stops reading (its process stopped, as a suspended
	// ssh is); alice's screen keeps up with a burst of changes.
	pid := strings.TrimSpace(bob.must("display-message", "-p", "-t", bob.target, "#{pane_pid}"))
	if err := exec.Command("kill", "-STOP", pid).Run(); err != nil {
		t.Fatal(err)
	}
	// About 150 frames of some 20 KB: more than the 2 MB an SSH channel
	// takes before its writer waits.
	for i := range 150 {
		s.r.ok("log", fmt.Sprintf("burst %03d %s", i, strings.Repeat("to fill bob's window ", 10)))
	}
	alice.waitFor(t, has("burst 149"), "the last of the burst on alice's screen while bob's client is stopped")
	if err := exec.Command("kill", "-CONT", pid).Run(); err != nil {
		t.Fatal(err)
	}
	bob.waitFor(t, has("burst 149"), "bob's screen catching up once his client reads again")
	// ctrl+z on a served screen does nothing: the server keeps serving.
	bob.press("C-z")
	time.Sleep(300 * time.Millisecond)
	s.r.ok("log", "after ctrl+z")
	bob.waitFor(t, has("after ctrl+z"), "bob's screen after ctrl+z")
	alice.press("q")
	bob.waitFor(t, has("1 connected"), "bob's header after alice left")
}

// TestServeTeamChangesEndSessions: a member taken out of the team is
// disconnected at once, from their screens and from a command still
// reading its input, which writes nothing as theirs after that.
func TestServeTeamChangesEndSessions(t *testing.T) {
	t.Parallel()
	s := startServe(t, []string{"alice", "bob"}, nil)
	bob := startTmuxArgv(t, 100, 30, append([]string{"ssh"}, s.sshArgs("bob", true)...)...)
	bob.waitFor(t, has("you: bob"), "bob's screen")
	// bob's note arrives on its input only after he is taken out.
	args := s.sshArgs("bob", false)
	args = append(append(args[:len(args)-1:len(args)-1], "--", args[len(args)-1]), "log", "-")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	slow := exec.CommandContext(ctx, "ssh", args...)
	in, err := slow.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := slow.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond) // the command is running, reading
	s.r.ok("team", "remove", "bob", "--team", s.team)
	time.Sleep(time.Second)
	_, _ = io.WriteString(in, "written after removal\n")
	_ = in.Close()
	if err := slow.Wait(); err == nil {
		t.Error("bob's command went on after he was taken out of the team")
	}
	if hasText(s.r.export(), "written after removal") {
		t.Error("bob's command wrote after he was taken out of the team")
	}
	if status := bob.waitForExit(t); status == "" {
		t.Fatal("bob's session did not end")
	}
	if _, errOut, code := s.ssh(t, "bob", "show"); code == 0 || !strings.Contains(errOut, "in the team") || !strings.Contains(errOut, "warroom team add") {
		t.Errorf("bob after removal: %d %q", code, errOut)
	}
}

// TestServeStopsCleanly: SIGTERM on the server tells every screen, saves
// the last changes, ends every session, and exits 0.
func TestServeStopsCleanly(t *testing.T) {
	t.Parallel()
	s := startServe(t, []string{"alice"}, nil)
	alice := startTmuxArgv(t, 120, 40, append([]string{"ssh"}, s.sshArgs("alice", true)...)...)
	alice.waitFor(t, has("you: alice"), "alice's screen")
	alice.typeText("nlast words before the server stops\r")
	alice.waitFor(t, has("[Incident manager] last words before"), "the note on alice's screen")
	start := time.Now()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the server exited with %v; its log:\n%s", err, s.log)
		}
		t.Logf("the server stopped %s after SIGTERM", time.Since(start).Round(time.Millisecond))
	case <-time.After(10 * time.Second):
		t.Fatalf("the server did not stop; its log:\n%s", s.log)
	}
	alice.waitForExit(t)
	if e := s.r.lastEntry(); e.Text != "last words before the server stops" || e.By != "alice" {
		t.Errorf("the last change on file is %+v", e)
	}
	if l := s.log.String(); !strings.Contains(l, "msg=stopping screens=1") || !strings.Contains(l, "msg=stopped") {
		t.Errorf("the log does not say the server stopped, with how many screens:\n%s", l)
	}
}

// TestServeHandoffIsAcceptedOnTheScreen: the incident manager hands a
// role over SSH; the new holder's screen — in Spanish, as his client asks
// — says it waits for his answer, Y accepts it, and the other screen and
// the file show the acceptance.
func TestServeHandoffIsAcceptedOnTheScreen(t *testing.T) {
	t.Parallel()
	s := startServe(t, []string{"alice", "bob"}, nil)
	alice := startTmuxArgv(t, 120, 40, append([]string{"ssh"}, s.sshArgs("alice", true)...)...)
	bobArgs := append([]string{"ssh", "-o", "SetEnv=LANG=es_ES.UTF-8"}, s.sshArgs("bob", true)...)
	bob := startTmuxArgv(t, 120, 40, bobArgs...)
	alice.waitFor(t, has("you: alice", "2 connected"), "alice's screen")
	bob.waitFor(t, has("al teclado: bob"), "bob's screen in Spanish")

	if out, errOut, code := s.ssh(t, "alice", "handoff", "tl", "bob", "--note", `"you own the database side"`); code != 0 {
		t.Fatalf("alice's handoff over ssh: %d %q %q", code, out, errOut)
	}
	bob.waitFor(t, has("bob?", "te ha pasado la función Responsable técnico", "Y aceptar"), "bob's screen asking for his answer")
	alice.waitFor(t, has("bob?"), "alice's screen marking bob's role not yet accepted")
	bob.press("Y")
	alice.waitFor(t, func(sc string) bool {
		return !strings.Contains(sc, "bob?") && strings.Contains(sc, "accepted Tech lead")
	},
		"alice's screen showing bob's acceptance")
	bob.waitFor(t, func(sc string) bool { return !strings.Contains(sc, "bob?") && !strings.Contains(sc, "Y aceptar") },
		"bob's screen once he accepted")
	if e := s.r.lastEntry(); e.By != "bob" || e.Kind != "handoff_accepted" {
		t.Errorf("the file's last entry is %+v, want bob's acceptance", e)
	}
}
