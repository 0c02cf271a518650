package store_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/warroom/warroom/model/store"
)

// eventWait bounds every wait for a notification that must come; it only
// keeps a broken watch from hanging the test.
const eventWait = 5 * time.Second

// silence is how long a test listens to conclude that no notification is
// coming: far beyond the watch's 200 ms coalescing limit.
const silence = 500 * time.Millisecond

// startWatch watches path until the test ends.
func startWatch(t *testing.T, path string) <-chan struct{} {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	ch, err := store.Watch(ctx, path)
	if err != nil {
		t.Fatalf("Watch(%s): %v", path, err)
	}
	return ch
}

// expectNotify fails the test unless a notification arrives on ch.
func expectNotify(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case _, ok := <-ch:
		if !ok {
			t.Fatalf("%s: the watch channel was closed", what)
		}
	case <-time.After(eventWait):
		t.Fatalf("%s: no notification within %v", what, eventWait)
	}
}

// expectSilence fails the test if a notification arrives on ch.
func expectSilence(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case _, ok := <-ch:
		t.Fatalf("%s: got a notification (channel open %v), want none", what, ok)
	case <-time.After(silence):
	}
}

func update(t *testing.T, path, text string) {
	t.Helper()
	if _, err := store.Update(context.Background(), path, false, appendLog("alice", text)); err != nil {
		t.Fatal(err)
	}
}

func TestWatchUpdate(t *testing.T) {
	path := writeState(t, smallState(t))
	ch := startWatch(t, path)
	expectSilence(t, ch, "no change yet")
	update(t, path, "one more")
	expectNotify(t, ch, "after an Update")
}

func TestWatchOtherProcess(t *testing.T) {
	path := writeState(t, smallState(t))
	ch := startWatch(t, path)
	cmd := helperCommand("append", "WARROOM_STORE_FILE="+path, "WARROOM_STORE_ACTOR=other", "WARROOM_STORE_COUNT=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("helper: %v\n%s", err, stderr.String())
	}
	expectNotify(t, ch, "after another process's Update")
	s, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if last := s.Timeline[len(s.Timeline)-1]; last.By != "other" {
		t.Errorf("last entry by %q, want the helper's", last.By)
	}
}

// TestWatchCoalesces: a burst of saves gives a few notifications, not one
// per save, and the last one comes after the last save.
func TestWatchCoalesces(t *testing.T) {
	const saves = 20
	path := writeState(t, smallState(t))
	ch := startWatch(t, path)

	var (
		mu    sync.Mutex
		times []time.Time
	)
	go func() {
		for range ch {
			mu.Lock()
			times = append(times, time.Now())
			mu.Unlock()
		}
	}()
	seen := func() []time.Time {
		mu.Lock()
		defer mu.Unlock()
		return append([]time.Time(nil), times...)
	}

	start := time.Now()
	for i := range saves {
		update(t, path, "burst "+string(rune('a'+i)))
	}
	last := time.Now()
	burst := last.Sub(start)

	for end := time.Now().Add(eventWait); ; time.Sleep(10 * time.Millisecond) {
		if got := seen(); len(got) > 0 && got[len(got)-1].After(last) {
			break
		}
		if time.Now().After(end) {
			t.Fatalf("no notification after the last of %d saves within %v (%d before it)", saves, eventWait, len(seen()))
		}
	}
	time.Sleep(silence) // stragglers
	n := len(seen())
	t.Logf("%d saves in %v: %d notifications", saves, burst, n)
	// A burst of N saves gives at most one notification per pause of more
	// than 30 ms between saves, plus one per 200 ms of burst: fewer than
	// N whenever the saves come faster than one per 30 ms.
	if burst < saves*30*time.Millisecond && n >= saves {
		t.Errorf("%d notifications for %d saves in %v: not coalesced", n, saves, burst)
	}
	if burst < 150*time.Millisecond && n > 5 {
		t.Errorf("%d notifications for %d saves in %v, want at most 5", n, saves, burst)
	}
}

// TestWatchIgnoresOtherFiles: other files in the directory, the lock file
// and temp files give no notification.
func TestWatchIgnoresOtherFiles(t *testing.T) {
	path := writeState(t, smallState(t))
	dir := filepath.Dir(path)
	ch := startWatch(t, path)

	other := filepath.Join(dir, "other.toml")
	if err := os.WriteFile(other, []byte("x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(other, []byte("x = 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := store.WriteAtomic(other, []byte("x = 3\n"), 0o644); err != nil { // another incident saved beside it
		t.Fatal(err)
	}
	if err := os.Remove(other); err != nil {
		t.Fatal(err)
	}
	lock := store.LockPath(path)
	if err := os.WriteFile(lock, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(lock); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, "."+filepath.Base(path)+".tmp-123456")
	if err := os.WriteFile(tmp, []byte("partial"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, tmp+"7"); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(tmp + "7"); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil { // attributes alone are no change
		t.Fatal(err)
	}
	expectSilence(t, ch, "changes to other files only")

	// The watch is alive: the incident file itself is still reported.
	update(t, path, "now the file")
	expectNotify(t, ch, "after an Update")
}

// TestWatchSurvivesRenames: every save replaces the file by a rename; the
// watch must outlive them.
func TestWatchSurvivesRenames(t *testing.T) {
	path := writeState(t, smallState(t))
	ch := startWatch(t, path)
	for i := range 10 {
		update(t, path, "save")
		expectNotify(t, ch, "save "+string(rune('1'+i)))
	}
}

// TestWatchRemoveAndRecreate: removing the file is reported, and so is a
// new file of that name.
func TestWatchRemoveAndRecreate(t *testing.T) {
	path := writeState(t, smallState(t))
	data := readFile(t, path)
	ch := startWatch(t, path)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	expectNotify(t, ch, "after removing the file")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	expectNotify(t, ch, "after writing it again")
}

// TestWatchSymlink: a watch through a link reports saves made through the
// real name, in another directory.
func TestWatchSymlink(t *testing.T) {
	path := writeState(t, smallState(t))
	link := filepath.Join(t.TempDir(), "incident.toml")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	ch := startWatch(t, link)
	update(t, path, "through the real name")
	expectNotify(t, ch, "after a save through the real name")
	update(t, link, "through the link")
	expectNotify(t, ch, "after a save through the link")
}

func TestWatchCancelClosesChannel(t *testing.T) {
	path := writeState(t, smallState(t))
	ctx, cancel := context.WithCancel(context.Background())
	ch, err := store.Watch(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	update(t, path, "pending when cancelled, perhaps")
	cancel()
	deadline := time.After(eventWait)
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return
			}
		case <-deadline:
			t.Fatalf("channel still open %v after cancel", eventWait)
		}
	}
}

func TestWatchMissingDirectory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no-such-dir", "warroom.toml")
	if _, err := store.Watch(context.Background(), path); err == nil {
		t.Fatal("Watch of a file in a missing directory succeeded")
	}
}

// TestWatchFileNotYetThere: a watch may start before the incident is
// declared; its creation is reported.
func TestWatchFileNotYetThere(t *testing.T) {
	data, err := store.Encode(smallState(t))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "warroom.toml")
	ch := startWatch(t, path)
	if err := store.WriteAtomic(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	expectNotify(t, ch, "after the file was created")
}
