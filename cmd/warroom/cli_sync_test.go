package main

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/warroom/warroom/model/sshsync/sshtest"
	"github.com/warroom/warroom/model/store"
)

// syncRunners are two replicas — the office and a responder at home — and
// the remote path they sync through, on a real sshd on loopback.
func syncRunners(t *testing.T) (office, home *runner, target string, srv *sshtest.Server) {
	t.Helper()
	srv = sshtest.Start(t)
	office, home = newRunner(t), newRunner(t)
	for _, r := range []*runner{office, home} {
		r.env["WARROOM_SSH_COMMAND"] = srv.SSHCommand()
	}
	home.env["WARROOM_USER"] = "carol"
	return office, home, fmt.Sprintf("ssh://127.0.0.1:%d%s", srv.Port, filepath.Join(srv.Dir, "incident.toml")), srv
}

func TestSyncCommand(t *testing.T) {
	office, home, target, srv := syncRunners(t)
	office.declare()
	res := office.run("sync", target)
	if res.code != 1 || !strings.Contains(res.stderr, "--create") {
		t.Fatalf("sync to a missing remote without --create:\n%s", res)
	}
	wantContains(t, "create", office.ok("sync", target, "--create"), "created the remote copy")
	wantContains(t, "home's first sync", home.ok("sync", target), "in: +")

	office.ok("log", "from the office")
	office.ok("status", "identified")
	home.ok("log", "from home")
	home.ok("task", "add", "check the CDN")
	office.ok("sync", target)
	wantContains(t, "home's sync", home.ok("sync", target), "in: +2 entries", "out: +2 entries, +1 task")
	office.ok("sync", target)

	a, _ := os.ReadFile(office.file())
	b, _ := os.ReadFile(home.file())
	r, _ := os.ReadFile(filepath.Join(srv.Dir, "incident.toml"))
	if !bytes.Equal(a, b) || !bytes.Equal(b, r) {
		t.Fatal("the copies differ after syncing both ways")
	}
	d := office.export()
	for _, want := range []string{"from the office", "from home"} {
		d.entryWithText(t, want)
	}
	if d.Incident.Status != "identified" || len(d.Tasks) != 1 {
		t.Errorf("merged incident: %+v", d.Incident)
	}
	wantContains(t, "second sync", office.ok("sync", target), "in: nothing new; out: nothing new")
}

func TestSyncErrors(t *testing.T) {
	office, _, target, srv := syncRunners(t)
	office.declare()
	before := office.snapshot()
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"sync", "nohost"}, 2, "needs a host and a path"},
		{[]string{"sync", fmt.Sprintf("ssh://127.0.0.1:%d/x.toml", sshtest.FreePort(t)), "--create"}, 1, "cannot be reached"},
	} {
		res := office.run(c.args...)
		if res.code != c.code || !strings.Contains(res.stderr, c.want) {
			t.Errorf("%q: want exit %d and %q:\n%s", c.args, c.code, c.want, res)
		}
		before.unchanged(t, res)
	}
	if err := os.WriteFile(srv.KnownHosts, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	res := office.run("sync", target, "--create")
	if res.code != 1 || !strings.Contains(res.stderr, "host key") {
		t.Errorf("unknown host key:\n%s", res)
	}
	before.unchanged(t, res)
}

// TestSyncWatchConverges runs two `sync --watch` processes against one
// remote; a change on either side reaches the other by itself.
func TestSyncWatchConverges(t *testing.T) {
	office, home, target, _ := syncRunners(t)
	office.declare()
	office.ok("sync", target, "--create")
	home.ok("sync", target)
	var watchers []*exec.Cmd
	for _, r := range []*runner{office, home} {
		cmd := exec.Command(binPath, "sync", target, "--watch", "--interval", "1s")
		cmd.Dir = r.dir
		cmd.Env = []string{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + r.dir, "TZ=UTC"}
		for k, v := range r.env {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		watchers = append(watchers, cmd)
	}
	defer func() {
		for _, w := range watchers {
			_ = w.Process.Signal(os.Interrupt)
			done := make(chan error, 1)
			go func() { done <- w.Wait() }()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("a watcher did not stop cleanly on ctrl+c: %v", err)
				}
			case <-time.After(10 * time.Second):
				_ = w.Process.Kill()
				t.Error("a watcher did not stop on ctrl+c")
			}
		}
	}()
	office.ok("log", "office while watching")
	home.ok("log", "home while watching")
	deadline := time.Now().Add(20 * time.Second)
	for {
		a, b := office.export(), home.export()
		if hasText(a, "home while watching") && hasText(b, "office while watching") && hasText(a, "office while watching") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the two watchers did not converge in 20 s")
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func hasText(d doc, text string) bool {
	for _, e := range d.Timeline {
		if e.Text == text {
			return true
		}
	}
	return false
}

// TestSyncKillNine kills syncs in progress: both files always parse, the
// local one keeps every entry it had, and the lock a killed sync leaves
// does not hold up the next one.
func TestSyncKillNine(t *testing.T) {
	office, home, target, srv := syncRunners(t)
	office.declare()
	for i := 0; i < 300; i++ {
		office.ok("log", fmt.Sprintf("entry %d", i))
	}
	office.ok("sync", target, "--create")
	home.ok("sync", target)
	home.ok("log", "only at home")
	remote := filepath.Join(srv.Dir, "incident.toml")
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20; i++ {
		cmd := exec.Command(binPath, "sync", target)
		cmd.Dir = home.dir
		cmd.Env = []string{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + home.dir, "TZ=UTC",
			"WARROOM_FILE=" + home.file(), "WARROOM_SSH_COMMAND=" + home.env["WARROOM_SSH_COMMAND"]}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(r.Intn(120)) * time.Millisecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		for _, p := range []string{home.file(), remote} {
			s, err := store.Load(p)
			if err != nil {
				t.Fatalf("kill %d: %s does not load: %v", i, p, err)
			}
			if p == home.file() && len(s.Timeline) < 302 {
				t.Fatalf("kill %d: the local copy lost entries (%d)", i, len(s.Timeline))
			}
		}
		// A lock left by the kill is not cleared by hand: its holder ran
		// on this machine and is gone, so the next sync breaks it at once.
	}
	home.ok("sync", target)
	office.ok("sync", target)
	if !hasText(office.export(), "only at home") {
		t.Error("after the kills, home's entry did not arrive")
	}
}

// TestTmuxTwoScreensSync opens two screens, each on its own copy and
// syncing through a third machine, and checks that a change made on one
// side shows on the other screen by itself.
func TestTmuxTwoScreensSync(t *testing.T) {
	office, home, target, _ := syncRunners(t)
	office.declare()
	office.ok("sync", target, "--create")
	home.ok("sync", target)
	var screens []*tmuxSession
	for _, r := range []*runner{office, home} {
		s := startTmux(t, r.dir, map[string]string{"WARROOM_FILE": r.file(), "WARROOM_USER": r.env["WARROOM_USER"],
			"WARROOM_SSH_COMMAND": r.env["WARROOM_SSH_COMMAND"]}, 120, 40, "--sync", target)
		s.waitFor(t, has("synced with"), "the screen syncing")
		if r == home {
			s.pastCatchUp(t, r.env["WARROOM_USER"]) // home has not taken part yet
		}
		screens = append(screens, s)
	}
	office.ok("log", "seen in the office and at home")
	screens[1].waitFor(t, has("seen in the office and at home"), "the office's note on the home screen")
	home.ok("handoff", "scribe", "zoe")
	screens[0].waitFor(t, has("Scribe: zoe"), "home's handoff on the office screen")
	for _, s := range screens {
		s.typeKeys("q")
		if st := s.waitForExit(t); st != "0" {
			t.Errorf("a syncing screen exited with %s", st)
		}
	}
}

// TestSyncKeepsTheRemoteLastChange: the remote copy's last change, edited
// there by hand, comes in as edited; a time typed far ahead in it is
// refused with its field; an append cut short there is kept in NAME.torn
// on the remote side, and said. Nothing of the remote copy is dropped.
func TestSyncKeepsTheRemoteLastChange(t *testing.T) {
	office, _, target, srv := syncRunners(t)
	office.declare()
	office.ok("sync", target, "--create")
	remote := filepath.Join(srv.Dir, "incident.toml")
	there := newRunner(t)
	there.env["WARROOM_FILE"] = remote
	there.env["WARROOM_USER"] = "bob"
	editLast := func(old, new string) {
		t.Helper()
		data, err := os.ReadFile(remote)
		if err != nil {
			t.Fatal(err)
		}
		last := bytes.LastIndex(data, []byte("\n[[timeline]]\n"))
		edited := append(bytes.Clone(data[:last]), bytes.Replace(data[last:], []byte(old), []byte(new), 1)...)
		if bytes.Equal(edited, data) {
			t.Fatalf("no %q in the remote copy's last change", old)
		}
		if err := os.WriteFile(remote, edited, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	there.ok("log", "REMOTE-ONLY")
	editLast(`text = "REMOTE-ONLY"`, `text = "REMOTE-ONLY, fixed by hand"`)
	office.ok("log", "local-new")
	res := office.run("sync", target)
	if res.code != 0 || !strings.Contains(res.stdout, "in: +1 entry") || strings.Contains(res.stderr, ".torn") {
		t.Fatalf("sync after an edit by hand of the remote's last change:\n%s", res)
	}
	for _, r := range []*runner{office, there} {
		if d := r.export(); !hasText(d, "REMOTE-ONLY, fixed by hand") || !hasText(d, "local-new") {
			t.Errorf("%s lost an entry", r.file())
		}
	}

	there.ok("log", "far ahead")
	editLast("\nat = 20", "\nat = 2099-01-01T00:00:00Z\n# was: 20")
	office.ok("log", "local-newer")
	before, remoteBefore := office.snapshot(), takeSnapshot(t, remote)
	res = office.run("sync", target)
	if res.code != 1 {
		t.Fatalf("want exit 1:\n%s", res)
	}
	wantContains(t, "stderr", res.stderr, "not usable", "[[timeline]]", "2099-01-01", "ahead of this machine's clock")
	before.unchanged(t, res)
	remoteBefore.unchanged(t, res)
	// The change with the time far ahead is taken out by hand.
	data, _ := os.ReadFile(remote)
	last := bytes.LastIndex(data, []byte("\n[[timeline]]\n"))
	if err := os.WriteFile(remote, data[:last+1], 0o644); err != nil {
		t.Fatal(err)
	}

	there.ok("log", "whole on the remote")
	whole, _ := os.ReadFile(remote)
	there.ok("log", "cut short on the remote")
	data, _ = os.ReadFile(remote)
	cut := data[:len(whole)+(len(data)-len(whole))/2]
	if err := os.WriteFile(remote, cut, 0o644); err != nil {
		t.Fatal(err)
	}
	res = office.run("sync", target)
	if res.code != 0 || !strings.Contains(res.stderr, remote+".torn") {
		t.Fatalf("want exit 0 and a warning naming the remote .torn file:\n%s", res)
	}
	kept, err := os.ReadFile(remote + ".torn")
	if err != nil || !bytes.Contains(kept, cut[len(whole):]) {
		t.Errorf("the remote .torn holds %q, %v", kept, err)
	}
	if d := office.export(); !hasText(d, "whole on the remote") || hasText(d, "cut short on the remote") {
		t.Error("what was whole on the remote did not arrive, or what was cut short did")
	}
}
