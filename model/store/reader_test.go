package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// TestReaderReadsOnlyWhatWasAppended: after a first read, a Reader gets
// only the entries appended since, and the head as it is now; a file
// written whole since makes it read all of it again, as a Reset. What it
// builds with Snapshot.Apply is what Load reads, every time.
func TestReaderReadsOnlyWhatWasAppended(t *testing.T) {
	defer store.SetLimits(0, 512<<10, 4<<20)()
	path := writeState(t, smallState(t))
	r := store.NewReader(path)
	snap, err := r.Whole()
	if err != nil || !snap.Reset {
		t.Fatalf("first read: %+v, %v", snap, err)
	}
	held := snap.Apply(model.State{})
	check := func(what string) {
		t.Helper()
		want, err := store.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		if !equalStates(held, want) {
			t.Fatalf("%s: the Reader's incident differs from the file's", what)
		}
	}
	check("first read")
	for i, next := range everyKindOfChange(held) {
		op := next(held)
		out := change(t, path, "bob", op)
		snap, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		if snap.Reset != !out.Appended {
			t.Errorf("change %d (%T): reset %v after appended %v", i, op, snap.Reset, out.Appended)
		}
		if !snap.Reset && !reflect.DeepEqual(snap.Entries, out.Added) {
			t.Errorf("change %d (%T): read %d entries, want the %d appended", i, op, len(snap.Entries), len(out.Added))
		}
		held = snap.Apply(held)
		check(fmt.Sprintf("after %T", op))
	}
	// Nothing new: nothing read.
	if snap, err := r.Next(); err != nil || snap.Reset || len(snap.Entries) != 0 {
		t.Errorf("a read with nothing new: %d entries, reset %v, %v", len(snap.Entries), snap.Reset, err)
	}
	// Written whole (Update writes a checkpoint): read again as a reset.
	if _, err := store.Update(context.Background(), path, false, appendLog("carol", "whole")); err != nil {
		t.Fatal(err)
	}
	if snap, err = r.Next(); err != nil || !snap.Reset {
		t.Fatalf("after a rewrite: reset %v, %v", snap.Reset, err)
	}
	held = snap.Apply(held)
	check("after a rewrite")
	// An append still being written is left for later.
	_, torn := tornCommit(t, path, 200)
	_ = torn
	if snap, err = r.Next(); err != nil || snap.Reset || len(snap.Entries) != 0 {
		t.Errorf("a half-written append was read: %d entries, reset %v, %v", len(snap.Entries), snap.Reset, err)
	}
}

// TestReaderFirstIsQuick: First reads the head and only the latest
// entries, and says that older ones remain; they are Load's.
func TestReaderFirstIsQuick(t *testing.T) {
	defer store.SetLimits(0, 512<<10, 4<<20)()
	s, err := bigState(3000, 40)
	if err != nil {
		t.Fatal(err)
	}
	path := writeState(t, s)
	for i := range 30 {
		change(t, path, "bob", model.Log{Text: fmt.Sprintf("appended %d", i)})
	}
	want, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 10, 30, 31, 200, 5000} {
		snap, err := store.NewReader(path).First(n)
		if err != nil {
			t.Fatal(err)
		}
		k := min(n, len(want.Timeline))
		if !reflect.DeepEqual(snap.Entries, want.Timeline[len(want.Timeline)-k:]) {
			t.Errorf("First(%d): %d entries, not the latest %d", n, len(snap.Entries), k)
		}
		if snap.Partial != (n < len(want.Timeline)) || !snap.Reset {
			t.Errorf("First(%d): partial %v reset %v", n, snap.Partial, snap.Reset)
		}
		if !equalStates(snap.Head, headOf(want)) {
			t.Errorf("First(%d): the head differs from Load's", n)
		}
	}
}

// TestFollow: Follow sends the incident, then each change as it comes.
func TestFollow(t *testing.T) {
	defer store.SetLimits(0, 512<<10, 4<<20)()
	path := writeState(t, smallState(t))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch, err := store.Follow(ctx, path, store.FollowOptions{Recent: 2})
	if err != nil {
		t.Fatal(err)
	}
	var held model.State
	receive := func() store.Followed {
		t.Helper()
		select {
		case f := <-ch:
			if f.Err != nil {
				t.Fatal(f.Err)
			}
			held = f.Apply(held)
			return f
		case <-time.After(10 * time.Second):
			t.Fatal("nothing followed")
		}
		return store.Followed{}
	}
	// The latest entries first, then the whole; a receiver slower than
	// both reads (as under the race detector) gets them merged: the whole.
	switch f := receive(); {
	case f.Partial && len(f.Entries) == 2:
		if f := receive(); f.Partial || !f.Reset {
			t.Fatalf("second: partial %v, reset %v", f.Partial, f.Reset)
		}
	case f.Partial || !f.Reset || len(f.Entries) != len(smallState(t).Timeline):
		t.Fatalf("first: partial %v, reset %v, %d entries", f.Partial, f.Reset, len(f.Entries))
	}
	for i := range 5 {
		change(t, path, "bob", model.Log{Text: fmt.Sprintf("followed %d", i)})
	}
	change(t, path, "bob", model.SetStatus{Status: model.Monitoring})
	deadline := time.Now().Add(10 * time.Second)
	for held.Incident.Status != model.Monitoring && time.Now().Before(deadline) {
		receive()
	}
	want, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !equalStates(held, want) {
		t.Fatalf("what Follow built differs from the file: %d entries, want %d", len(held.Timeline), len(want.Timeline))
	}
	cancel()
	for range ch {
	}
}

// TestWriterRefusesAnotherIncident: a Writer saves nothing into a file
// that came to hold another incident; its changes wait, and are saved once
// the incident's file is back.
func TestWriterRefusesAnotherIncident(t *testing.T) {
	ours := smallState(t)
	path := writeState(t, ours)
	ourFile := readFile(t, path)
	w := store.NewWriterWait(path, nil, time.Second)
	if w.Incident() != ours.Incident.ID {
		t.Fatalf("bound to %q, want %q", w.Incident(), ours.Incident.ID)
	}
	other := apply(t, model.State{}, model.Env{Now: t0, Actor: "zoe", IDs: &model.SeededIDs{Seed: 99}},
		model.Declare{Title: "Another incident", Commander: "zoe"})
	if other.Incident.ID == ours.Incident.ID {
		t.Fatal("the two incidents have one id")
	}
	otherFile, err := store.Encode(other)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.WriteAtomic(path, otherFile, 0o644); err != nil {
		t.Fatal(err)
	}
	w.Submit(logChange("typed on the screen of the first incident"))
	r := nextResult(t, w)
	var ic *store.IncidentChangedError
	if !errors.As(r.Err, &ic) || ic.Want != ours.Incident.ID || ic.Got != other.Incident.ID || r.Pending != 1 {
		t.Fatalf("result %+v, want an IncidentChangedError and the change still pending", r)
	}
	if got := readFile(t, path); string(got) != string(otherFile) {
		t.Fatal("the change was written into the other incident's file")
	}
	if err := store.WriteAtomic(path, ourFile, 0o644); err != nil {
		t.Fatal(err)
	}
	var tl tally
	collect(t, w, 1, &tl)
	closeWriter(t, w, &tl)
	checkTail(t, path, "typed on the screen of the first incident")
	_ = os.Remove(path)
}

// TestLoadKinds: LoadKinds reads the entries of some kinds, and the rest
// of the incident whole, as Load and a filter would: with the head cache
// (which keeps the checkpoint's entries of the kinds commands summarise)
// and without it, and once the file was written whole again.
func TestLoadKinds(t *testing.T) {
	defer store.SetLimits(0, 512<<10, 4<<20)()
	defer store.CacheEvery()()
	path, _ := grownFile(t)
	for round := range 3 {
		if round == 2 {
			if _, err := store.Update(context.Background(), path, false, appendLog("carol", "written whole")); err != nil {
				t.Fatal(err)
			}
		}
		loadKinds(t, path)
		loadKinds(t, path) // from the cache
		if _, err := os.Stat(store.CachePath(path)); err != nil {
			t.Fatalf("round %d: no cache: %v", round, err)
		}
	}
	os.Remove(store.CachePath(path))
	loadKinds(t, path)

	// An edit in place of the checkpoint (same length, its sum line kept)
	// is read from the file, not from what the cache kept.
	if _, err := store.Update(context.Background(), path, false, appendLog("carol", "whole again")); err != nil {
		t.Fatal(err)
	}
	loadKinds(t, path)
	data := readFile(t, path)
	edited := bytes.Replace(data, []byte("count = 2\n"), []byte("count = 7\n"), 1)
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt(edited, 0); err != nil {
		t.Fatal(err)
	}
	f.Close()
	got, err := store.LoadKinds(path, model.CustomerKinds)
	if err != nil {
		t.Fatal(err)
	}
	want, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if have, calls := got.Customers()[model.ChannelCalls], want.Customers()[model.ChannelCalls]; have != calls || calls%2 != 1 {
		t.Errorf("calls counted %d, want the file's %d (an odd number, after the edit)", have, calls)
	}
}

func loadKinds(t *testing.T, path string) {
	t.Helper()
	change(t, path, "carol", model.Customers{Channel: "calls", Count: 2})
	change(t, path, "carol", model.CommsUpdate{Audience: "external", Text: "we know"})
	change(t, path, "carol", model.Log{Text: "kind = \"customers\" in a text"})
	want, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, need := range []model.TimelineNeed{model.CustomerKinds, model.CommsKinds, {}, {Kinds: []model.Kind{model.KindNote, model.KindTaskDone}}} {
		got, err := store.LoadKinds(path, need)
		if err != nil {
			t.Fatal(err)
		}
		w := want
		w.Timeline = need.Filter(want.Timeline)
		if !equalStates(got, w) {
			t.Errorf("LoadKinds(%v): %d entries, want %d", need.Kinds, len(got.Timeline), len(w.Timeline))
		}
	}
}
