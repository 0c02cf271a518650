package sshsync

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
)

// TestLockAgeIsTheServers: this machine's clock three minutes ahead (or
// the server's behind) does not make a live holder's fresh lock look
// stale, and three minutes behind does not keep a dead one alive.
func TestLockAgeIsTheServers(t *testing.T) {
	srv := startSSHD(t)
	local, remote := pair(t, srv)
	lock := filepath.Join(srv.dir, ".incident.toml.sync-lock")
	defer func() { clientNow = time.Now }()
	for _, skew := range []time.Duration{3 * time.Minute, -3 * time.Minute} {
		clientNow = func() time.Time { return time.Now().Add(skew) }
		if err := os.WriteFile(lock, []byte("carol@elsewhere\nhost=elsewhere\npid=1\ntoken=x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Sync(ctx, srv.dial(t, remote), local, SyncOptions{Owner: "t", LockBudget: 500 * time.Millisecond})
		var le *LockHeldError
		if !errors.As(err, &le) {
			t.Errorf("clock %s: a fresh lock of a live holder was broken (%v)", skew, err)
		}
		old := time.Now().Add(-LockLease - 5*time.Second)
		_ = os.Chtimes(lock, old, old)
		if _, err := Sync(ctx, srv.dial(t, remote), local, SyncOptions{Owner: "t", LockBudget: 500 * time.Millisecond}); err != nil {
			t.Errorf("clock %s: a lock silent past the lease was kept: %v", skew, err)
		}
	}
}

// TestSizeLimitBothWays: with a limit of a few kilobytes, a remote copy
// over it, a local file over it, and a merge that would grow over it are
// each refused, and nothing is written on either side.
func TestSizeLimitBothWays(t *testing.T) {
	srv := startSSHD(t)
	local, remote := pair(t, srv)
	fi, _ := os.Stat(remote)
	limit := fi.Size() + 512
	first := limit

	big := filepath.Join(t.TempDir(), "big.toml")
	change(t, big, "alice", true, model.Declare{Title: "x", Commander: "alice"})
	for i := 0; i < 20; i++ {
		change(t, big, "alice", false, model.Log{Text: strings.Repeat("long note ", 20)})
	}
	for _, c := range []struct {
		name, local string
		prep        func()
		want        string
	}{
		{"local over", big, func() {}, "big.toml is"},
		{"merge over", local, func() {
			other := filepath.Join(t.TempDir(), "other.toml")
			if _, err := Sync(ctx, srv.dial(t, remote), other, SyncOptions{Owner: "o"}); err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 5; i++ {
				change(t, local, "alice", false, model.Log{Text: strings.Repeat("here ", 20)})
				change(t, other, "bob", false, model.Log{Text: strings.Repeat("there ", 20)})
			}
			if _, err := Sync(ctx, srv.dial(t, remote), other, SyncOptions{Owner: "o"}); err != nil {
				t.Fatal(err)
			}
			lf, _ := os.Stat(local)
			rf, _ := os.Stat(remote)
			limit = max(lf.Size(), rf.Size()) + 64
		}, "the merged incident would be"},
		{"remote over", local, func() {
			limit = first
			_ = os.Remove(local)
			data, _ := os.ReadFile(big)
			if err := os.WriteFile(remote, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}, "incident.toml is"},
	} {
		c.prep()
		unchanged := sides(t, c.local, remote)
		_, err := Sync(ctx, srv.dial(t, remote), c.local, SyncOptions{Owner: "t", MaxSize: limit})
		var te *TooLargeError
		if !errors.As(err, &te) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v", c.name, err)
		}
		unchanged()
	}
}
