package main

import (
	"context"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/tui/serve"
)

// sshStdin runs a command over SSH as who with stdin on its standard
// input: its output and exit status.
func (s *served) sshStdin(t *testing.T, who, stdin string, command ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	args := s.sshArgs(who, false)
	args = append(append(args[:len(args)-1:len(args)-1], "--", args[len(args)-1]), command...)
	cmd := exec.CommandContext(ctx, "ssh", args...)
	cmd.Stdin = strings.NewReader(stdin)
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

// TestServeKeepsTheTextAsTyped: a note sent over SSH is stored as it was
// typed, apostrophes and all; a line a shell would read otherwise than
// meant is refused with how to say it, and nothing is written; standard
// input takes any text as it is.
func TestServeKeepsTheTextAsTyped(t *testing.T) {
	t.Parallel()
	s := startServe(t, []string{"bob"}, nil)
	// The client's shell took the quotes off: the server gets the words.
	if _, errOut, code := s.ssh(t, "bob", "log", "don't page the DB team yet"); code != 0 {
		t.Fatalf("a note with an apostrophe: %d %q", code, errOut)
	}
	if e := s.r.lastEntry(); e.Text != "don't page the DB team yet" {
		t.Errorf("the note is stored as %q", e.Text)
	}
	before := s.r.snapshot()
	_, errOut, code := s.ssh(t, "bob", "log", "the users' sessions are gone")
	if code != 2 || !strings.Contains(errOut, "may be an apostrophe or the start of a quote") || !strings.Contains(errOut, "ssh HOST log -") {
		t.Errorf("an ambiguous quote: %d %q", code, errOut)
	}
	if after := s.r.snapshot(); string(after.data) != string(before.data) {
		t.Error("a refused line changed the file")
	}
	if _, errOut, code := s.sshStdin(t, "bob", "the users' sessions are gone\n", "log", "-"); code != 0 {
		t.Fatalf("the note on standard input: %d %q", code, errOut)
	}
	if e := s.r.lastEntry(); e.Text != "the users' sessions are gone" {
		t.Errorf("the note from standard input is stored as %q", e.Text)
	}
	if _, errOut, code := s.ssh(t, "bob", "log", `it is 'quoted' and \'escaped\'`); code != 0 {
		t.Fatalf("quotes and escapes: %d %q", code, errOut)
	}
	if e := s.r.lastEntry(); e.Text != "it is quoted and 'escaped'" {
		t.Errorf("quotes and escapes are stored as %q", e.Text)
	}
}

// TestServeHelpShowsOnlyWhatIsServed: a member's --help over SSH lists
// the incident's verbs and --lang: none of the host's commands or flags,
// no completion.
func TestServeHelpShowsOnlyWhatIsServed(t *testing.T) {
	t.Parallel()
	s := startServe(t, []string{"bob"}, nil)
	out, errOut, code := s.ssh(t, "bob", "--help")
	if code != 0 {
		t.Fatalf("--help over ssh: %d %q", code, errOut)
	}
	for _, want := range []string{"log ", "show ", "task ", "handoff ", "--lang"} {
		if !strings.Contains(out, want) {
			t.Errorf("the served help does not list %q:\n%s", want, out)
		}
	}
	for _, host := range []string{"merge-driver", "serve ", "sync ", "team ", "demo ", "completion", "--file", "--as ", "--theme", "--hooks", "--wall"} {
		if strings.Contains(out, host) {
			t.Errorf("the served help lists the host's %q:\n%s", host, out)
		}
	}
}

// TestServeTellsARemovedMemberWhy: a member taken out of the team is
// told so, on the screen's terminal and by a command still running,
// before the connection closes.
func TestServeTellsARemovedMemberWhy(t *testing.T) {
	t.Parallel()
	s := startServe(t, []string{"alice", "bob"}, nil)
	bob := startTmuxArgv(t, 100, 30, append([]string{"ssh"}, s.sshArgs("bob", true)...)...)
	bob.waitFor(t, has("you: bob"), "bob's screen")
	args := s.sshArgs("bob", false)
	args = append(append(args[:len(args)-1:len(args)-1], "--", args[len(args)-1]), "log", "-")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	slow := exec.CommandContext(ctx, "ssh", args...)
	var stderr strings.Builder
	slow.Stderr = &stderr
	in, err := slow.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := slow.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond) // the command is running, reading
	s.r.ok("team", "remove", "bob", "--team", s.team)
	if err := slow.Wait(); err == nil {
		t.Error("bob's command went on after he was taken out of the team")
	}
	_ = in.Close()
	if !strings.Contains(stderr.String(), "you are no longer in this war room's team") {
		t.Errorf("bob's command was not told why it ended: %q", stderr.String())
	}
	bob.waitForExit(t)
	// What the terminal shows once the screen gave it back, wrapped
	// lines joined, what scrolled up too.
	terminal := func() string { return bob.must("capture-pane", "-p", "-J", "-S", "-100", "-t", bob.target) }
	waitUntil(t, 10*time.Second, terminal, func() bool {
		return strings.Contains(terminal(), "you are no longer in this war room's team, so your session ends")
	})
}

// TestServeSaysItsBannerOnce: serve says where it listens, its host key
// and how to join once, on standard output; its log does not say it again.
func TestServeSaysItsBannerOnce(t *testing.T) {
	t.Parallel()
	s := startServe(t, []string{"bob"}, nil)
	if _, _, code := s.ssh(t, "bob", "who"); code != 0 { // the server is up and has logged
		t.Fatal("who over ssh failed")
	}
	out := s.out.String()
	if n := strings.Count(out, "host key SHA256:"); n != 1 || strings.Count(out, "join with: ssh -p") != 1 {
		t.Errorf("the banner is said %d times:\n%s", n, out)
	}
	if l := s.log.String(); strings.Contains(l, "msg=serving") || strings.Contains(l, "host_key=") {
		t.Errorf("the log says the banner again:\n%s", l)
	}
}

// TestServeHelpNamesCommandsThatRun: every command serve's help gives as
// one to run over SSH is one the served tree runs.
func TestServeHelpNamesCommandsThatRun(t *testing.T) {
	r := newRunner(t)
	help := r.ok("serve", "--help")
	m := regexp.MustCompile(`(?s)HOST show\s+\(or ([^)]*)\)`).FindStringSubmatch(help)
	if m == nil {
		t.Fatalf("serve --help names no commands to run:\n%s", help)
	}
	lines := append([]string{"show", "who"}, strings.Split(strings.Join(strings.Fields(m[1]), " "), ", ")...)
	for _, line := range lines {
		line = strings.ReplaceAll(line, "…", "x")
		if line == "who" {
			continue // the server's own, not a verb
		}
		args, err := serve.SplitLine(line)
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		if tr := servedTry(t, r.file(), args, false); tr.ran == "" || tr.code != 0 {
			t.Errorf("serve --help gives %q to run over SSH, which does not run: %d %s", line, tr.code, tr.stderr)
		}
	}
}
