package store_test

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gofrs/flock"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// holdLock takes the lock of path as another warroom would, and returns
// its release.
func holdLock(t *testing.T, path string) func() {
	t.Helper()
	fl := flock.New(store.LockPath(path))
	ok, err := fl.TryLock()
	if err != nil || !ok {
		t.Fatalf("could not take the lock %s: ok %v, err %v", store.LockPath(path), ok, err)
	}
	var once atomic.Bool
	release := func() {
		if once.CompareAndSwap(false, true) {
			if err := fl.Unlock(); err != nil {
				t.Error(err)
			}
		}
	}
	t.Cleanup(release)
	return release
}

// checkLockError asserts that Update gave up on the lock with a *LockError
// naming the file, without calling change or touching the file.
func checkLockError(t *testing.T, path string, before []byte, err error) {
	t.Helper()
	var le *store.LockError
	if !errors.As(err, &le) {
		t.Fatalf("Update with the lock held elsewhere: err = %v (%T), want *store.LockError", err, err)
	}
	if le.Path != path || le.Lock != store.LockPath(path) {
		t.Errorf("LockError{Path: %q, Lock: %q}, want %q and %q", le.Path, le.Lock, path, store.LockPath(path))
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the file", err)
	}
	assertRefused(t, path, before, err)
}

// TestUpdateLockHeld: while another writer holds the lock, Update gives up
// with a *LockError when its context ends, and works once the lock is
// free. The short context stands in for LockWait (see
// TestUpdateLockWaitExpires for the real wait).
func TestUpdateLockHeld(t *testing.T) {
	path := writeState(t, smallState(t))
	before := readFile(t, path)
	release := holdLock(t, path)

	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := store.Update(ctx, path, false, mustNotRun(t))
	checkLockError(t, path, before, err)

	// A cancelled context gives up at once, with the cause kept.
	ctx, cancel = context.WithCancel(context.Background())
	cancel()
	_, err = store.Update(ctx, path, false, mustNotRun(t))
	checkLockError(t, path, before, err)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want it to wrap context.Canceled", err)
	}

	release()
	if _, err := store.Update(context.Background(), path, false, appendLog("bob", "lock free")); err != nil {
		t.Fatalf("Update after the lock was released: %v", err)
	}
}

// TestUpdateWaitsForLock: an Update that finds the lock taken waits for it
// rather than failing, and reads the file only once it holds the lock, so
// it sees what the previous writer saved.
func TestUpdateWaitsForLock(t *testing.T) {
	path := writeState(t, smallState(t))
	release := holdLock(t, path)

	var released atomic.Bool
	errc := make(chan error, 1)
	go func() {
		_, err := store.Update(context.Background(), path, false, func(s model.State) (model.State, error) {
			if !released.Load() {
				t.Errorf("change ran while another writer held the lock")
			}
			if last := s.Timeline[len(s.Timeline)-1]; last.Text != "written under the lock" {
				t.Errorf("change saw last entry %q, not the one saved under the lock", last.Text)
			}
			return appendLog("bob", "after the wait")(s)
		})
		errc <- err
	}()

	// Write as the lock holder would, then let the waiting Update in.
	time.Sleep(50 * time.Millisecond)
	s, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	s = apply(t, s, fixedEnv("alice"), model.Log{Text: "written under the lock"})
	data, err := store.Encode(s)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.WriteAtomic(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	released.Store(true)
	release()

	if err := <-errc; err != nil {
		t.Fatalf("waiting Update: %v", err)
	}
	got, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	n := len(got.Timeline)
	if got.Timeline[n-2].Text != "written under the lock" || got.Timeline[n-1].Text != "after the wait" {
		t.Errorf("last entries %q, %q; want both writers' entries in order", got.Timeline[n-2].Text, got.Timeline[n-1].Text)
	}
}

// TestUpdateLockWaitExpires holds the lock for longer than LockWait and
// checks that an Update with no deadline of its own gives up with a
// *LockError. It waits the full LockWait (15 s), in parallel with the
// other slow test.
func TestUpdateLockWaitExpires(t *testing.T) {
	if testing.Short() {
		t.Skipf("waits store.LockWait (%v); skipped in -short mode", store.LockWait)
	}
	t.Parallel()
	path := writeState(t, smallState(t))
	before := readFile(t, path)
	holdLock(t, path)

	start := time.Now()
	_, err := store.Update(context.Background(), path, false, mustNotRun(t))
	t.Logf("Update gave up after %v (LockWait %v)", time.Since(start).Round(time.Millisecond), store.LockWait)
	checkLockError(t, path, before, err)
}
