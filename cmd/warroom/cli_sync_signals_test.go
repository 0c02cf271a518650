package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/gofrs/flock"

	"github.com/warroom/warroom/model/store"
)

// syncProcess starts `warroom sync target` for r in a process group of
// its own (as a terminal's foreground job is), held up inside its local
// transaction by the local file's lock, and waits until it holds the
// remote lock.
func syncProcess(t *testing.T, r *runner, target, remoteLock string) (*exec.Cmd, *flock.Flock, *bytes.Buffer) {
	t.Helper()
	held := flock.New(store.LockPath(r.file()))
	if err := held.Lock(); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binPath, "sync", target)
	cmd.Dir = r.dir
	cmd.Env = []string{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + r.dir, "TZ=UTC"}
	for k, v := range r.env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, err := os.Stat(remoteLock); err == nil {
			return cmd, held, &out
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatalf("the sync did not take the remote lock in 20 s:\n%s", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitExit waits up to 20 s for cmd to end.
func waitExit(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		t.Error("the sync did not end within 20 s of the signal")
	}
}

// TestSignalReleasesTheRemoteLock: ctrl+c (SIGINT to the whole process
// group, ssh included), SIGTERM and SIGHUP during a sync each end it with
// the remote lock released and both copies whole; the next sync goes
// through at once.
func TestSignalReleasesTheRemoteLock(t *testing.T) {
	office, home, target, srv := syncRunners(t)
	office.declare()
	office.ok("sync", target, "--create")
	home.ok("sync", target)
	remote := filepath.Join(srv.Dir, "incident.toml")
	lock := filepath.Join(srv.Dir, ".incident.toml.sync-lock")
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		// The office's entry reaches the remote copy; home's sync must
		// write it into home's file, whose lock the test holds: it waits
		// there, holding the remote lock, when the signal comes.
		office.ok("log", "before "+sig.String())
		office.ok("sync", target)
		cmd, held, out := syncProcess(t, home, target, lock)
		if sig == syscall.SIGINT {
			_ = syscall.Kill(-cmd.Process.Pid, sig) // as ctrl+c in a terminal
		} else {
			_ = cmd.Process.Signal(sig)
		}
		waitExit(t, cmd)
		_ = held.Unlock()
		if _, err := os.Stat(lock); err == nil {
			t.Errorf("%s: the remote lock was left behind:\n%s", sig, out)
			_ = os.Remove(lock)
		}
		for _, p := range []string{home.file(), remote} {
			if _, err := store.Load(p); err != nil {
				t.Errorf("%s: %s does not load: %v", sig, p, err)
			}
		}
	}
	home.ok("sync", target)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		if !hasText(home.export(), "before "+sig.String()) {
			t.Errorf("the office's entry from before the %s did not arrive", sig)
		}
	}
}
