package main

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/warroom/warroom/model/store"
)

// startWarroom starts the binary for r in a process group of its own, as
// a terminal's job is, and returns it running.
func startWarroom(t *testing.T, r *runner, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(binPath, args...)
	cmd.Dir = r.dir
	cmd.Env = []string{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + r.dir, "TZ=UTC"}
	for k, v := range r.env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.Stdout, cmd.Stderr = &bytes.Buffer{}, &bytes.Buffer{}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// TestAdversarialSync plays three replicas that log entries and sync
// through one remote copy in random order, many at once, while syncs are
// killed (kill -9) or stopped by signals mid-way, and the remote lock's
// times are skewed into the past and the future, and a dead machine's
// lock is left behind. Then every replica syncs until quiet: all must end
// identical, byte for byte with the remote copy, holding every entry a
// `warroom log` acknowledged (exit 0).
func TestAdversarialSync(t *testing.T) {
	office, home, target, srv := syncRunners(t)
	third := newRunner(t)
	third.env["WARROOM_SSH_COMMAND"] = office.env["WARROOM_SSH_COMMAND"]
	third.env["WARROOM_USER"] = "dave"
	reps := []*runner{office, home, third}
	office.declare()
	office.ok("sync", target, "--create")
	home.ok("sync", target)
	third.ok("sync", target)
	remote := filepath.Join(srv.Dir, "incident.toml")
	lock := filepath.Join(srv.Dir, ".incident.toml.sync-lock")

	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewSource(seed))
	var mu sync.Mutex
	var acked []string
	rounds := 25
	if testing.Short() {
		rounds = 8
	}
	for round := 0; round < rounds; round++ {
		var wg sync.WaitGroup
		for i, r := range reps {
			if rng.Intn(3) > 0 {
				text := fmt.Sprintf("r%d entry %d", i, round)
				wg.Add(1)
				go func() {
					defer wg.Done()
					res, err := execWarroom(r.dir, r.env, "", "log", text)
					if err == nil && res.code == 0 {
						mu.Lock()
						acked = append(acked, text)
						mu.Unlock()
					}
				}()
			}
			if rng.Intn(4) > 0 {
				cmd := startWarroom(t, r, "sync", target)
				sig := []syscall.Signal{0, 0, syscall.SIGKILL, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP}[rng.Intn(6)]
				after := time.Duration(rng.Intn(250)) * time.Millisecond
				wg.Add(1)
				go func() {
					defer wg.Done()
					if sig != 0 {
						time.Sleep(after)
						_ = syscall.Kill(-cmd.Process.Pid, sig)
					}
					start := time.Now()
					waitOrKill(cmd, 60*time.Second)
					if d := time.Since(start); d > 5*time.Second {
						t.Logf("a sync took %s (signal %v after %s): %s", d.Round(time.Millisecond), sig, after, cmd.Stderr)
					}
				}()
			}
		}
		switch rng.Intn(6) {
		case 0, 1: // the lock's time skewed, as a server clock off would show it
			time.Sleep(time.Duration(rng.Intn(100)) * time.Millisecond)
			skew := []time.Duration{-3 * time.Minute, 3 * time.Minute}[rng.Intn(2)]
			at := time.Now().Add(skew)
			_ = os.Chtimes(lock, at, at)
		case 2: // a machine that died holding the lock, long ago
			if f, err := os.OpenFile(lock, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644); err == nil {
				_, _ = f.WriteString("zoe@gone\nhost=gone\npid=1\ntoken=old\n")
				_ = f.Close()
				at := time.Now().Add(-time.Minute)
				_ = os.Chtimes(lock, at, at)
			}
		}
		wg.Wait()
	}

	// Quiet: every replica syncs in turn until a whole pass moves nothing.
	for pass := 0; pass < 4; pass++ {
		for _, r := range reps {
			r.ok("sync", target)
		}
	}
	want, err := os.ReadFile(remote)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range reps {
		got, _ := os.ReadFile(r.file())
		if !bytes.Equal(got, want) {
			t.Errorf("replica %d differs from the remote copy", i)
		}
	}
	final, err := store.Load(remote)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, e := range final.Timeline {
		have[e.Text] = true
	}
	for _, text := range acked {
		if !have[text] {
			t.Errorf("the acknowledged entry %q was lost", text)
		}
	}
	t.Logf("%d acknowledged entries, all present: %v", len(acked), !t.Failed())
}

// waitOrKill waits for cmd, killing it after d.
func waitOrKill(cmd *exec.Cmd, d time.Duration) {
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-done
	}
}
