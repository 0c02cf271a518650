package sshsync

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gofrs/flock"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// These tests play what an adversarial run broke (issue "Sync and the
// file hold against clocks, crashes and hostile input"), each against a
// real sshd on loopback.

// pair is a local incident synced once into a remote copy on the server.
func pair(t *testing.T, srv *sshServer) (local, remote string) {
	t.Helper()
	local, remote = filepath.Join(t.TempDir(), "local.toml"), filepath.Join(srv.dir, "incident.toml")
	change(t, local, "alice", true, model.Declare{Title: "Checkout down", Commander: "alice"})
	if _, err := Sync(ctx, srv.dial(t, remote), local, SyncOptions{Owner: "t", Create: true}); err != nil {
		t.Fatal(err)
	}
	return local, remote
}

// sides reads both files, to tell later that a refused sync left them.
func sides(t *testing.T, a, b string) func() {
	t.Helper()
	ab, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	return func() {
		t.Helper()
		aa, _ := os.ReadFile(a)
		ba, _ := os.ReadFile(b)
		if !bytes.Equal(aa, ab) || !bytes.Equal(ba, bb) {
			t.Error("a refused sync changed a side")
		}
	}
}

// TestSyncNeverReplacesARemoteThatChanged: sync A has read the remote
// copy and is merging it (held up here by its local file's lock) when its
// remote lock looks stale to sync B (a server clock behind, or a slow
// sync); B takes the lock and writes its entry. A must not then replace
// the remote copy with one that lacks B's entry: both end on the remote.
func TestSyncNeverReplacesARemoteThatChanged(t *testing.T) {
	srv := startSSHD(t)
	a, remote := pair(t, srv)
	b := filepath.Join(t.TempDir(), "b.toml")
	if _, err := Sync(ctx, srv.dial(t, remote), b, SyncOptions{Owner: "b"}); err != nil {
		t.Fatal(err)
	}
	change(t, a, "alice", false, model.Log{Text: "from A"})
	change(t, b, "bob", false, model.Log{Text: "from B"})

	held := flock.New(store.LockPath(a))
	if err := held.Lock(); err != nil {
		t.Fatal(err)
	}
	doneA := make(chan error, 1)
	go func() {
		_, err := Sync(ctx, srv.dial(t, remote), a, SyncOptions{Owner: "a"})
		doneA <- err
	}()
	lock := filepath.Join(srv.dir, ".incident.toml.sync-lock")
	waitFor(t, func() bool { _, err := os.Stat(lock); return err == nil }, "A to take the remote lock")

	var errB error
	for try := 0; try < 3; try++ {
		// The lock looks three minutes old, as a server clock behind
		// would make it look.
		old := time.Now().Add(-3 * time.Minute)
		_ = os.Chtimes(lock, old, old)
		if _, errB = Sync(ctx, srv.dial(t, remote), b, SyncOptions{Owner: "b", LockBudget: time.Second}); errB == nil {
			break
		}
	}
	if errB != nil {
		t.Fatalf("B could not sync past a stale-looking lock: %v", errB)
	}
	_ = held.Unlock()
	if err := <-doneA; err != nil {
		t.Fatalf("A: %v", err)
	}
	got := texts(load(t, remote))
	for _, want := range []string{"from A", "from B"} {
		if !got[want] {
			t.Errorf("the remote copy lost %q: a sync replaced a copy that had changed since it read it", want)
		}
	}
}

// TestRemoteOverTheLimitIsRefused: a remote copy over the size limit is
// refused whole, with the limit named, rather than cut and merged.
func TestRemoteOverTheLimitIsRefused(t *testing.T) {
	srv := startSSHD(t)
	local, remote := pair(t, srv)
	f, err := os.OpenFile(remote, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: 257 MiB that take no room on the disk.
	if err := f.Truncate(257 << 20); err != nil {
		t.Fatal(err)
	}
	_ = f.Close()
	unchanged := sides(t, local, remote)
	_, err = Sync(ctx, srv.dial(t, remote), local, SyncOptions{Owner: "t"})
	if err == nil || !strings.Contains(err.Error(), "over the limit") || !strings.Contains(err.Error(), "256.0 MiB") {
		t.Fatalf("a remote copy of 257 MiB: %v", err)
	}
	unchanged()
}

// TestSymlinkedRemoteStaysALink: a remote path that is a symbolic link is
// written through to the file it names, and stays a link.
func TestSymlinkedRemoteStaysALink(t *testing.T) {
	srv := startSSHD(t)
	local, real := pair(t, srv)
	if err := os.MkdirAll(filepath.Join(srv.dir, "links"), 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(srv.dir, "links", "current.toml")
	if err := os.Symlink("../incident.toml", link); err != nil {
		t.Fatal(err)
	}
	change(t, local, "alice", false, model.Log{Text: "through the link"})
	if err := os.Chmod(real, 0o640); err != nil {
		t.Fatal(err)
	}
	if _, err := Sync(ctx, srv.dial(t, link), local, SyncOptions{Owner: "t"}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(real); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("the remote file's permissions changed: %v %v", fi.Mode(), err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a regular file (%v)", err)
	}
	if !texts(load(t, real))["through the link"] {
		t.Error("the file the link names did not get the entry")
	}
}

// TestMissingRemoteFolderIsNamed: a remote folder that does not exist is
// said at once, not waited on as a lock held by another sync.
func TestMissingRemoteFolderIsNamed(t *testing.T) {
	srv := startSSHD(t)
	local := filepath.Join(t.TempDir(), "l.toml")
	change(t, local, "alice", true, model.Declare{Title: "x", Commander: "alice"})
	remote := filepath.Join(srv.dir, "nodir", "x.toml")
	_, err := Sync(ctx, srv.dial(t, remote), local, SyncOptions{Owner: "t", Create: true, LockBudget: 2 * time.Second})
	if err == nil || !strings.Contains(err.Error(), "does not exist") || !strings.Contains(err.Error(), filepath.Join(srv.dir, "nodir")) {
		t.Fatalf("sync into a missing folder: %v", err)
	}
}

// TestRemoteThatIsNotAFileIsRefused: a named pipe at the remote path
// (which would hang the read forever, holding the lock), a link to a
// device (/dev/zero: an endless read) and a folder are refused at once,
// each named for what it is.
func TestRemoteThatIsNotAFileIsRefused(t *testing.T) {
	srv := startSSHD(t)
	local := filepath.Join(t.TempDir(), "l.toml")
	change(t, local, "alice", true, model.Declare{Title: "x", Commander: "alice"})
	for _, c := range []struct {
		name, want string
		make       func(p string) error
	}{
		{"fifo", "named pipe", func(p string) error { return syscall.Mkfifo(p, 0o644) }},
		{"dev-zero", "device", func(p string) error { return os.Symlink("/dev/zero", p) }},
		{"folder", "is a folder", func(p string) error { return os.Mkdir(p, 0o755) }},
	} {
		p := filepath.Join(srv.dir, c.name+".toml")
		if err := c.make(p); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() {
			_, err := Sync(ctx, srv.dial(t, p), local, SyncOptions{Owner: "t", LockBudget: time.Second})
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s at the remote path: %v", c.name, err)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("%s at the remote path: the sync hangs", c.name)
		}
		if _, err := os.Stat(filepath.Join(srv.dir, "."+c.name+".toml.sync-lock")); err == nil {
			t.Errorf("%s: the lock was left behind", c.name)
		}
	}
}

// TestErrorsSayThingsOnce: a server that refuses every write (read-only
// SFTP) gives "permission denied" once, not "permission denied:
// permission denied".
func TestErrorsSayThingsOnce(t *testing.T) {
	srv := startSSHDReadOnly(t)
	local := filepath.Join(t.TempDir(), "l.toml")
	change(t, local, "alice", true, model.Declare{Title: "x", Commander: "alice"})
	_, err := Sync(ctx, srv.dial(t, filepath.Join(srv.dir, "x.toml")), local, SyncOptions{Owner: "t", Create: true, LockBudget: time.Second})
	if err == nil || strings.Count(err.Error(), "permission denied") != 1 {
		t.Fatalf("a read-only server: %v", err)
	}
	if strings.Count(strings.ToLower(err.Error()), "failure") > 1 {
		t.Errorf("doubled text: %v", err)
	}
}

// TestSummaryCountsEveryRecord: the first pull into an empty copy counts
// the theories and follow-ups it brought, and a later sync the
// follow-ups.
func TestSummaryCountsEveryRecord(t *testing.T) {
	srv := startSSHD(t)
	a, remote := pair(t, srv)
	change(t, a, "alice", false, model.Log{Kind: model.KindTheory, Text: "pool"}, model.Log{Kind: model.KindFollowup, Text: "alert"})
	if _, err := Sync(ctx, srv.dial(t, remote), a, SyncOptions{Owner: "a"}); err != nil {
		t.Fatal(err)
	}
	b := filepath.Join(t.TempDir(), "b.toml")
	res, err := Sync(ctx, srv.dial(t, remote), b, SyncOptions{Owner: "b"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"+1 theory", "+1 follow-up"} {
		if !strings.Contains(res.String(), want) {
			t.Errorf("first pull %q does not say %q", res, want)
		}
	}
	change(t, a, "alice", false, model.Log{Kind: model.KindFollowup, Text: "another"})
	res, err = Sync(ctx, srv.dial(t, remote), a, SyncOptions{Owner: "a"})
	if err != nil || !strings.Contains(res.String(), "out: +1 entry, +1 follow-up") {
		t.Errorf("a later sync: %q %v", res, err)
	}
}

// TestDeadHolderOnThisHostIsBrokenAtOnce: a lock left by a sync on this
// machine whose process is gone (kill -9) is broken at once.
func TestDeadHolderOnThisHostIsBrokenAtOnce(t *testing.T) {
	srv := startSSHD(t)
	local, _ := pair(t, srv)
	host, _ := os.Hostname()
	lock := filepath.Join(srv.dir, ".incident.toml.sync-lock")
	// A process that has ended: its id is free.
	p, err := os.StartProcess("/bin/true", []string{"true"}, &os.ProcAttr{})
	if err != nil {
		t.Fatal(err)
	}
	_, _ = p.Wait()
	content := fmt.Sprintf("dead@%s\nhost=%s\npid=%d\ntoken=x\n", host, host, p.Pid)
	if err := os.WriteFile(lock, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	change(t, local, "alice", false, model.Log{Text: "after the crash"})
	if _, err := Sync(ctx, srv.dial(t, filepath.Join(srv.dir, "incident.toml")), local, SyncOptions{Owner: "t", LockBudget: time.Second}); err != nil {
		t.Fatalf("a lock of a process that is gone: %v", err)
	}
}

// TestSilentHolderIsBrokenAfterTheLease: a lock from another machine
// that has not been renewed for longer than the lease is broken.
func TestSilentHolderIsBrokenAfterTheLease(t *testing.T) {
	srv := startSSHD(t)
	local, remote := pair(t, srv)
	lock := filepath.Join(srv.dir, ".incident.toml.sync-lock")
	if err := os.WriteFile(lock, []byte("carol@elsewhere\nhost=elsewhere\npid=1\ntoken=x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-15 * time.Second)
	if err := os.Chtimes(lock, old, old); err != nil {
		t.Fatal(err)
	}
	if _, err := Sync(ctx, srv.dial(t, remote), local, SyncOptions{Owner: "t", LockBudget: time.Second}); err != nil {
		t.Fatalf("a lock silent for 15 s: %v", err)
	}
	if _, err := os.Stat(lock); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock is still there: %v", err)
	}
}

// waitFor polls cond every 10 ms for up to 20 s.
func waitFor(t *testing.T, cond func() bool, what string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited 20 s for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
