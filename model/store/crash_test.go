//go:build unix

package store_test

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/warroom/warroom/model/store"
)

// TestKillNineLoop kills a writer with SIGKILL, over and over, on one file
// of a realistic size (2,000 entries). After every kill the file must
// parse, keep every entry it had, and hold every entry whose Update had
// returned (the writer printed its id), and at most one more (saved but
// killed before it could print).
//
// Reading and writing this file takes far longer than 30 ms, and the save
// itself (write, fsync, rename) is a small part of an append, so half the
// kills come at a random point of a whole append after the first
// acknowledgement, and the other half just after the writer is seen
// saving: a temp file has appeared or the data file has changed.
func TestKillNineLoop(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a writer 100 times; skipped in -short mode")
	}
	t.Parallel()
	const kills = 100
	s, err := bigState(2000, 100)
	if err != nil {
		t.Fatal(err)
	}
	path := writeState(t, s)
	size := len(readFile(t, path))

	start := time.Now()
	for range 3 {
		if _, err := logOnce(path, "alice", "calibration"); err != nil {
			t.Fatal(err)
		}
	}
	cycle := time.Since(start)/3 + 30*time.Millisecond
	prev, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}

	var acked, unackedSaves, killedMidSave, triggered int
	for k := range kills {
		var ids []string
		if k%2 == 0 {
			ids = killWriter(t, path, func() { time.Sleep(rand.N(cycle)) })
		} else {
			ids = killWriter(t, path, func() {
				if waitForSave(t, path, 2*cycle) {
					triggered++
				}
				time.Sleep(rand.N(3 * time.Millisecond))
			})
		}

		// A leftover temp file means the kill landed during a save.
		switch tmp := tempFiles(t, path); len(tmp) {
		case 0:
		case 1:
			killedMidSave++
		default:
			t.Fatalf("kill %d: %d temp files left, want at most the killed writer's: %v", k, len(tmp), tmp)
		}

		cur, err := store.Load(path)
		if err != nil {
			t.Fatalf("kill %d: file no longer loads: %v", k, err)
		}
		if len(cur.Timeline) < len(prev.Timeline) {
			t.Fatalf("kill %d: timeline shrank from %d to %d", k, len(prev.Timeline), len(cur.Timeline))
		}
		for i, e := range prev.Timeline {
			if cur.Timeline[i].ID != e.ID {
				t.Fatalf("kill %d: entry %d is %s, was %s", k, i, cur.Timeline[i].ID, e.ID)
			}
		}
		added := map[string]bool{}
		for _, e := range cur.Timeline[len(prev.Timeline):] {
			added[e.ID] = true
		}
		for _, id := range ids {
			if !added[id] {
				t.Fatalf("kill %d: acknowledged entry %s is not in the file", k, id)
			}
		}
		switch extra := len(added) - len(ids); extra {
		case 0:
		case 1:
			unackedSaves++
		default:
			t.Fatalf("kill %d: %d entries added for %d acknowledgements", k, len(added), len(ids))
		}
		acked += len(ids)
		prev = cur
	}

	// The next writer cleans up and the file is still good.
	if _, err := logOnce(path, "alice", "after the kills"); err != nil {
		t.Fatal(err)
	}
	if tmp := tempFiles(t, path); len(tmp) > 0 {
		t.Errorf("temp files left after a clean Update: %v", tmp)
	}
	if _, err := store.Load(path); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d kills of a writer on a %d KB file (%d at random up to %v after the first acknowledgement, %d just after a save was seen starting): "+
		"%d acknowledged entries checked, %d kills left a temp file (killed mid-save), %d saves landed unacknowledged",
		kills, size/1024, kills/2, cycle.Round(time.Millisecond), triggered, acked, killedMidSave, unackedSaves)
}

// waitForSave polls until the writer of path is seen saving, a temp file
// present or the data file changed, or until limit; it reports whether it
// saw one.
func waitForSave(t *testing.T, path string, limit time.Duration) bool {
	base, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(100 * time.Microsecond) {
		if len(tempFiles(t, path)) > 0 {
			return true
		}
		if fi, err := os.Stat(path); err != nil || !os.SameFile(fi, base) || fi.Size() != base.Size() || !fi.ModTime().Equal(base.ModTime()) {
			return true
		}
	}
	return false
}

// killWriter starts a kill-loop helper on path, waits for its first
// acknowledgement, then calls wait, kills the helper with SIGKILL and
// returns every id it acknowledged.
func killWriter(t *testing.T, path string, wait func(), mode ...string) []string {
	t.Helper()
	m := "killloop"
	if len(mode) > 0 {
		m = mode[0]
	}
	cmd := helperCommand(m, "WARROOM_STORE_FILE="+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	first := make(chan struct{})
	done := make(chan []string)
	go func() {
		var ids []string
		r := bufio.NewReader(out)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				// A line cut short by the kill is no acknowledgement.
				break
			}
			if ids = append(ids, strings.TrimSuffix(line, "\n")); len(ids) == 1 {
				close(first)
			}
		}
		done <- ids
	}()

	select {
	case <-first:
	case ids := <-done:
		_ = cmd.Wait()
		t.Fatalf("writer exited before its first append (%d acks): %s", len(ids), stderr.String())
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		_ = cmd.Wait()
		t.Fatalf("writer made no append in 30s: %s", stderr.String())
	}
	wait()
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	ids := <-done // the pipe closes when the writer dies
	err = cmd.Wait()
	ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("writer ended by itself (%v), not by the kill: %s", err, stderr.String())
	}
	return ids
}

// TestKillNineAppends kills a writer that appends (as the command line
// does) with SIGKILL, 500 times, on a file of realistic size; a fifth of
// its changes add a task, and checkpoints are written every 16 KiB. After
// every kill the file must load, keep every entry it had in its order, and
// hold every entry whose append had been acknowledged (and at most one
// more: written, killed before it could say so).
func TestKillNineAppends(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a writer 500 times; skipped in -short mode")
	}
	t.Parallel()
	kills := 500
	if raceEnabled {
		kills = 100 // the race detector makes every writer ten times slower; races are not what this is about
	}
	s, err := bigState(1000, 50)
	if err != nil {
		t.Fatal(err)
	}
	path := writeState(t, s)
	prev, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	var acked, unacked, torn, checkpoints int
	lastSize := int64(len(readFile(t, path)))
	for k := range kills {
		ids := killWriter(t, path, func() { time.Sleep(rand.N(4 * time.Millisecond)) }, "killappend")
		h, cur, err := store.Inspect(path)
		if err != nil {
			t.Fatalf("kill %d: file no longer loads: %v", k, err)
		}
		if h.Unsealed > 0 {
			torn++
		}
		if h.Checkpoint+h.Appended < lastSize {
			checkpoints++
		}
		lastSize = h.Checkpoint + h.Appended
		if len(cur.Timeline) < len(prev.Timeline) {
			t.Fatalf("kill %d: timeline shrank from %d to %d", k, len(prev.Timeline), len(cur.Timeline))
		}
		for i, e := range prev.Timeline {
			if cur.Timeline[i] != e {
				t.Fatalf("kill %d: entry %d is %s, was %s", k, i, cur.Timeline[i].ID, e.ID)
			}
		}
		added := map[string]bool{}
		for _, e := range cur.Timeline[len(prev.Timeline):] {
			added[e.ID] = true
		}
		for _, id := range ids {
			if !added[id] {
				t.Fatalf("kill %d: acknowledged entry %s is not in the file", k, id)
			}
		}
		switch extra := len(added) - len(ids); extra {
		case 0:
		case 1:
			unacked++
		default:
			t.Fatalf("kill %d: %d entries added for %d acknowledgements", k, len(added), len(ids))
		}
		acked += len(ids)
		prev = cur
	}
	if _, err := logOnce(path, "alice", "after the kills"); err != nil {
		t.Fatal(err)
	}
	if tmp := tempFiles(t, path); len(tmp) > 0 {
		t.Errorf("temp files left after a clean update: %v", tmp)
	}
	t.Logf("%d kills: %d acknowledged entries checked, %d written but not acknowledged, %d kills left an unfinished append, about %d checkpoints",
		kills, acked, unacked, torn, checkpoints)
}
