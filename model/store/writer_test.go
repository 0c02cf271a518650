package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// writerWait bounds the waits of the writer tests for results that must
// come; it only keeps a broken writer from hanging the test.
const writerWait = 10 * time.Second

// logChange is a Change logging text as alice.
func logChange(text string) store.Change {
	return store.Change{Op: model.Log{Text: text}, Env: model.Env{Now: t0, Actor: "alice", IDs: model.RandomIDs{}}}
}

// tally is what a test saw on a Writer's results.
type tally struct {
	results   []store.WriteResult
	committed []uint64
	rejected  []store.Rejection
	added     []model.Entry
	errs      []error
}

// settled is the number of changes committed or rejected so far.
func (t *tally) settled() int { return len(t.committed) + len(t.rejected) }

func (t *tally) add(r store.WriteResult) {
	t.results = append(t.results, r)
	t.committed = append(t.committed, r.Committed...)
	t.rejected = append(t.rejected, r.Rejected...)
	t.added = append(t.added, r.Added...)
	if r.Err != nil {
		t.errs = append(t.errs, r.Err)
	}
}

// collect reads w's results until n changes in all are committed or
// rejected; until is called with each result and may stop earlier.
func collect(t *testing.T, w *store.Writer, n int, tl *tally) {
	t.Helper()
	timeout := time.After(writerWait)
	for tl.settled() < n {
		select {
		case r, ok := <-w.Results():
			if !ok {
				t.Fatalf("results closed with %d of %d changes settled", tl.settled(), n)
			}
			tl.add(r)
		case <-timeout:
			t.Fatalf("%d of %d changes settled after %v; errors: %v", tl.settled(), n, writerWait, tl.errs)
		}
	}
}

// nextResult returns the next result of w.
func nextResult(t *testing.T, w *store.Writer) store.WriteResult {
	t.Helper()
	select {
	case r, ok := <-w.Results():
		if !ok {
			t.Fatal("results closed")
		}
		return r
	case <-time.After(writerWait):
		t.Fatalf("no result within %v", writerWait)
	}
	panic("unreachable")
}

// closeWriter closes w, failing the test on an error, and drains its
// results into tl (when not nil) until the channel is closed.
func closeWriter(t *testing.T, w *store.Writer, tl *tally) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), writerWait)
	defer cancel()
	if err := w.Close(ctx); err != nil {
		t.Errorf("Close: %v", err)
	}
	drain(t, w, tl)
}

// drain reads w's results until the channel is closed.
func drain(t *testing.T, w *store.Writer, tl *tally) {
	t.Helper()
	timeout := time.After(writerWait)
	for {
		select {
		case r, ok := <-w.Results():
			if !ok {
				return
			}
			if tl != nil {
				tl.add(r)
			}
		case <-timeout:
			t.Fatalf("results not closed %v after Close", writerWait)
		}
	}
}

// seqs returns 1..n.
func seqs(n int) []uint64 {
	out := make([]uint64, n)
	for i := range out {
		out[i] = uint64(i + 1)
	}
	return out
}

// checkTail checks that the last entries of the file at path have texts.
func checkTail(t *testing.T, path string, texts ...string) model.State {
	t.Helper()
	s, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Timeline) < len(texts) {
		t.Fatalf("%d timeline entries, want at least %d", len(s.Timeline), len(texts))
	}
	var got []string
	for _, e := range s.Timeline[len(s.Timeline)-len(texts):] {
		got = append(got, e.Text)
	}
	if !slices.Equal(got, texts) {
		t.Errorf("last entries on disk %q, want %q", got, texts)
	}
	return s
}

// TestWriterBurst: 50 changes submitted at once are all saved, in order,
// each sequence number committed exactly once, in far fewer saves.
func TestWriterBurst(t *testing.T) {
	const n = 50
	path := writeState(t, smallState(t))
	w := store.NewWriter(path, nil)
	var texts []string
	for i := range n {
		texts = append(texts, fmt.Sprintf("burst #%d", i))
		if seq := w.Submit(logChange(texts[i])); seq != uint64(i+1) {
			t.Fatalf("Submit %d returned sequence number %d", i+1, seq)
		}
	}
	var tl tally
	collect(t, w, n, &tl)
	closeWriter(t, w, &tl)

	if !slices.Equal(tl.committed, seqs(n)) {
		t.Errorf("committed %v, want 1..%d once each, in order", tl.committed, n)
	}
	if len(tl.rejected) > 0 || len(tl.errs) > 0 {
		t.Errorf("rejected %v, errors %v", tl.rejected, tl.errs)
	}
	t.Logf("%d changes saved in %d results", n, len(tl.results))
	if len(tl.results) > n/2 {
		t.Errorf("%d saves for a burst of %d changes: not coalesced", len(tl.results), n)
	}
	last := tl.results[len(tl.results)-1]
	if last.Pending != 0 {
		t.Errorf("last result has Pending %d, want 0", last.Pending)
	}
	s := checkTail(t, path, texts...)
	if len(tl.added) != n || tl.added[n-1].ID != s.Timeline[len(s.Timeline)-1].ID {
		t.Errorf("results added %d entries, want the %d saved", len(tl.added), n)
	}
	if got, want := len(s.Timeline), len(smallState(t).Timeline)+n; got != want {
		t.Errorf("%d entries on disk, want %d", got, want)
	}
	if len(last.State.Timeline) != len(s.Timeline) {
		t.Errorf("last result's State has %d entries, the file %d", len(last.State.Timeline), len(s.Timeline))
	}
}

// TestWriterCoalescesWhileBusy: changes submitted while a save waits for
// the lock all go into the next save: at most two saves for 50 changes.
func TestWriterCoalescesWhileBusy(t *testing.T) {
	const n = 50
	path := writeState(t, smallState(t))
	release := holdLock(t, path)
	w := store.NewWriter(path, nil) // the attempt waits for the lock (up to LockWait)
	var texts []string
	for i := range n {
		texts = append(texts, fmt.Sprintf("queued #%d", i))
		w.Submit(logChange(texts[i]))
	}
	release()
	var tl tally
	collect(t, w, n, &tl)
	closeWriter(t, w, &tl)
	if !slices.Equal(tl.committed, seqs(n)) {
		t.Errorf("committed %v, want 1..%d in order", tl.committed, n)
	}
	if len(tl.results) > 2 {
		t.Errorf("%d saves for %d changes queued behind one lock wait, want at most 2", len(tl.results), n)
	}
	checkTail(t, path, texts...)
}

// TestWriterSlowReader: a receiver that does not keep up gets merged
// results, and still every sequence number exactly once, in order.
func TestWriterSlowReader(t *testing.T) {
	const n = 40 // more saves than the results channel holds
	path := writeState(t, smallState(t))
	base := len(smallState(t).Timeline)
	w := store.NewWriter(path, nil)
	for i := range n {
		w.Submit(logChange(fmt.Sprintf("slow #%d", i)))
		// Wait until it is on disk, so that each change is a save of its own.
		for end := time.Now().Add(writerWait); ; time.Sleep(time.Millisecond) {
			s, err := store.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Timeline) == base+i+1 {
				break
			}
			if time.Now().After(end) {
				t.Fatalf("change %d not on disk after %v", i+1, writerWait)
			}
		}
	}
	var tl tally
	closeWriter(t, w, &tl)
	if !slices.Equal(tl.committed, seqs(n)) {
		t.Errorf("committed %v, want 1..%d once each, in order", tl.committed, n)
	}
	t.Logf("%d saves seen as %d results", n, len(tl.results))
	if len(tl.results) >= n {
		t.Errorf("%d results for %d saves never read: expected them merged", len(tl.results), n)
	}
	if last := tl.results[len(tl.results)-1]; last.Err != nil || len(last.State.Timeline) != base+n {
		t.Errorf("last merged result: err %v, %d entries; want the final state", last.Err, len(last.State.Timeline))
	}
}

// otherWriter sets the status as another warroom would, behind the
// Writer's back.
func otherWriter(t *testing.T, path string, status model.Status) {
	t.Helper()
	_, err := store.Update(context.Background(), path, false, func(s model.State) (model.State, error) {
		next, _, err := s.Apply(model.DefaultCatalog(), model.SetStatus{Status: status},
			model.Env{Now: t0, Actor: "bob", IDs: model.RandomIDs{}})
		return next, err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestWriterRejectsConflict: a change that conflicts with what another
// writer saved is rejected with the model's error; the others commit.
func TestWriterRejectsConflict(t *testing.T) {
	path := writeState(t, smallState(t))
	otherWriter(t, path, model.Identified)

	release := holdLock(t, path) // so that the three changes go in one save
	w := store.NewWriter(path, nil)
	w.Submit(logChange("before"))
	w.Submit(store.Change{Op: model.SetStatus{Status: model.Identified}, Env: model.Env{Now: t0, Actor: "alice", IDs: model.RandomIDs{}}})
	w.Submit(logChange("after"))
	release()

	var tl tally
	collect(t, w, 3, &tl)
	closeWriter(t, w, &tl)
	if !slices.Equal(tl.committed, []uint64{1, 3}) {
		t.Errorf("committed %v, want [1 3]", tl.committed)
	}
	if len(tl.rejected) != 1 || tl.rejected[0].Seq != 2 {
		t.Fatalf("rejected %v, want change 2", tl.rejected)
	}
	var ce *model.ConflictError
	if !errors.As(tl.rejected[0].Err, &ce) {
		t.Errorf("rejection error %v (%T), want a *model.ConflictError", tl.rejected[0].Err, tl.rejected[0].Err)
	}
	s := checkTail(t, path, "before", "after")
	// What the Writer's own changes wrote, and nothing the other writer did.
	var added []string
	for _, e := range tl.added {
		added = append(added, e.Text)
	}
	if !slices.Equal(added, []string{"before", "after"}) {
		t.Errorf("results added %q, want the writer's own entries", added)
	}
	if s.Incident.Status != model.Identified {
		t.Errorf("status %s, want identified", s.Incident.Status)
	}
}

// TestWriterAllRejectedWritesNothing: a batch whose every change is
// rejected leaves the file untouched, and its result carries the state
// as it is on disk.
func TestWriterAllRejectedWritesNothing(t *testing.T) {
	path := writeState(t, smallState(t))
	otherWriter(t, path, model.Monitoring)
	before := readFile(t, path)
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}

	w := store.NewWriter(path, nil)
	w.Submit(store.Change{Op: model.SetStatus{Status: model.Monitoring}, Env: model.Env{Now: t0, Actor: "alice", IDs: model.RandomIDs{}}})
	r := nextResult(t, w)
	closeWriter(t, w, nil)

	if r.Err != nil || len(r.Committed) != 0 || len(r.Rejected) != 1 || r.Rejected[0].Seq != 1 {
		t.Fatalf("result %+v, want change 1 rejected and nothing else", r)
	}
	if r.State.Incident.Status != model.Monitoring || len(r.State.Timeline) == 0 {
		t.Errorf("result state has status %q and %d entries, want the file's", r.State.Incident.Status, len(r.State.Timeline))
	}
	if after := readFile(t, path); !bytes.Equal(before, after) {
		t.Error("the file changed")
	}
	if now, err := os.Stat(path); err != nil || !os.SameFile(info, now) {
		t.Errorf("the file was replaced (err %v)", err)
	}
	if tmp := tempFiles(t, path); len(tmp) > 0 {
		t.Errorf("temp files left: %v", tmp)
	}
}

// constIDs hands out the same id every time.
type constIDs string

func (c constIDs) NewID(string, int) string { return string(c) }

// TestWriterRejectsInvalidChange: a change Apply accepts but that would
// leave an invalid incident (an entry id used twice, from a careless
// IDSource) is rejected alone instead of blocking every later save.
func TestWriterRejectsInvalidChange(t *testing.T) {
	initial := smallState(t)
	path := writeState(t, initial)
	release := holdLock(t, path)
	w := store.NewWriter(path, nil)
	w.Submit(logChange("fine"))
	taken := constIDs(initial.Timeline[0].ID)
	w.Submit(store.Change{Op: model.Log{Text: "duplicate id"}, Env: model.Env{Now: t0, Actor: "alice", IDs: taken}})
	w.Submit(logChange("fine too"))
	release()
	var tl tally
	collect(t, w, 3, &tl)
	closeWriter(t, w, &tl)
	if !slices.Equal(tl.committed, []uint64{1, 3}) || len(tl.rejected) != 1 || tl.rejected[0].Seq != 2 {
		t.Fatalf("committed %v, rejected %v; want 1 and 3 committed, 2 rejected", tl.committed, tl.rejected)
	}
	t.Logf("rejection: %v", tl.rejected[0].Err)
	checkTail(t, path, "fine", "fine too")
}

// TestWriterRetriesLockTimeout: a save that cannot take the lock reports
// the error, keeps the change queued and saves it once the lock is free;
// a change submitted meanwhile is saved after it.
func TestWriterRetriesLockTimeout(t *testing.T) {
	path := writeState(t, smallState(t))
	before := readFile(t, path)
	release := holdLock(t, path)
	w := store.NewWriterWait(path, nil, 50*time.Millisecond)

	w.Submit(logChange("first"))
	r := nextResult(t, w)
	var le *store.LockError
	if !errors.As(r.Err, &le) {
		t.Fatalf("first result err %v (%T), want a *store.LockError", r.Err, r.Err)
	}
	if len(r.Committed) != 0 || len(r.Rejected) != 0 || r.Pending != 1 {
		t.Errorf("failed result %+v: want nothing committed or rejected, 1 pending", r)
	}
	if after := readFile(t, path); !bytes.Equal(before, after) {
		t.Error("the file changed while the lock was held")
	}
	w.Submit(logChange("second"))
	nextResult(t, w) // fails again, at once: the submit woke the writer
	release()

	var tl tally
	collect(t, w, 2, &tl)
	closeWriter(t, w, &tl)
	if !slices.Equal(tl.committed, []uint64{1, 2}) {
		t.Errorf("committed %v, want [1 2]", tl.committed)
	}
	checkTail(t, path, "first", "second")
}

// TestWriterRetriesUnreadableFile: a file someone else made unparseable
// fails the save without touching it; once it is repaired the change is
// saved.
func TestWriterRetriesUnreadableFile(t *testing.T) {
	path := writeState(t, smallState(t))
	good := readFile(t, path)
	// An edit that breaks the file in its middle (an unfinished write at
	// its end is cut off by the next writer instead: see the torn tests).
	broken := bytes.Replace(good, []byte("\n[[people]]\n"), []byte("\n[[people\n"), 1)
	if err := os.WriteFile(path, broken, 0o644); err != nil {
		t.Fatal(err)
	}
	w := store.NewWriter(path, nil)
	w.Submit(logChange("kept"))
	r := nextResult(t, w)
	var fe *store.FileError
	if !errors.As(r.Err, &fe) {
		t.Fatalf("result err %v (%T), want a *store.FileError", r.Err, r.Err)
	}
	if after := readFile(t, path); !bytes.Equal(broken, after) {
		t.Error("the writer changed the broken file")
	}
	if err := store.WriteAtomic(path, good, 0o644); err != nil {
		t.Fatal(err)
	}
	var tl tally
	collect(t, w, 1, &tl)
	closeWriter(t, w, &tl)
	checkTail(t, path, "kept")
}

// TestWriterCloseFlushes: Close saves what is still queued.
func TestWriterCloseFlushes(t *testing.T) {
	const n = 20
	path := writeState(t, smallState(t))
	w := store.NewWriter(path, nil)
	var texts []string
	for i := range n {
		texts = append(texts, fmt.Sprintf("flush #%d", i))
		w.Submit(logChange(texts[i]))
	}
	var tl tally
	closeWriter(t, w, &tl)
	if !slices.Equal(tl.committed, seqs(n)) {
		t.Errorf("committed %v, want 1..%d", tl.committed, n)
	}
	checkTail(t, path, texts...)
}

// TestWriterCloseGivesUp: a change that cannot be saved makes Close fail
// once its context ends, saying how many changes and why; the goroutine
// still ends and the results channel is closed. The writer waits the full
// LockWait per attempt: Close must abort that wait.
func TestWriterCloseGivesUp(t *testing.T) {
	path := writeState(t, smallState(t))
	before := readFile(t, path)
	holdLock(t, path)
	w := store.NewWriter(path, nil)
	w.Submit(logChange("never saved"))

	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	errc := make(chan error, 1)
	go func() { errc <- w.Close(ctx) }()
	var err error
	select {
	case err = <-errc:
	case <-time.After(store.LockWait - 5*time.Second):
		t.Fatal("Close did not abort the lock wait when its context ended")
	}
	if err == nil {
		t.Fatal("Close returned nil with a change that could not be saved")
	}
	t.Logf("Close: %v", err)
	var le *store.LockError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "1 change ") {
		t.Errorf("Close error %q: want it to count 1 change and wrap the *store.LockError", err)
	}
	var tl tally
	drain(t, w, &tl)
	if len(tl.committed) != 0 || len(tl.rejected) != 0 {
		t.Errorf("committed %v, rejected %v; want nothing", tl.committed, tl.rejected)
	}
	if after := readFile(t, path); !bytes.Equal(before, after) {
		t.Error("the file changed")
	}
	if err := w.Close(context.Background()); err == nil {
		t.Error("a second Close forgot the unsaved change")
	}
}

// TestWriterSubmitAfterClose: Submit after Close is ignored and returns 0.
func TestWriterSubmitAfterClose(t *testing.T) {
	path := writeState(t, smallState(t))
	before := readFile(t, path)
	w := store.NewWriter(path, nil)
	closeWriter(t, w, nil)
	if seq := w.Submit(logChange("too late")); seq != 0 {
		t.Errorf("Submit after Close returned %d, want 0", seq)
	}
	if err := w.Close(context.Background()); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if after := readFile(t, path); !bytes.Equal(before, after) {
		t.Error("the file changed")
	}
}

// BenchmarkWriterBurst: 100 log entries submitted at once on a small
// incident, until all are committed.
func BenchmarkWriterBurst(b *testing.B) {
	const n = 100
	initial, err := store.Encode(smallState(b))
	if err != nil {
		b.Fatal(err)
	}
	path := writeState(b, smallState(b))
	w := store.NewWriter(path, nil)
	b.Cleanup(func() {
		if err := w.Close(context.Background()); err != nil {
			b.Error(err)
		}
	})
	change := logChange("one more entry")
	b.ReportAllocs()
	saves := 0
	for b.Loop() {
		b.StopTimer() // start each burst from the small incident
		if err := os.WriteFile(path, initial, 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for range n {
			w.Submit(change)
		}
		for done := 0; done < n; {
			r, ok := <-w.Results()
			if !ok || r.Err != nil || len(r.Rejected) > 0 {
				b.Fatalf("result %+v (channel open %v)", r, ok)
			}
			done += len(r.Committed)
			saves++
		}
	}
	b.ReportMetric(float64(saves)/float64(b.N), "saves/op")
}
