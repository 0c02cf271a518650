package store_test

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// tornSmallFile is a small incident, declared and logged to twice, whose
// last append a crash cut in the middle: what kill -9 leaves of it. It
// returns the path, the file as it was before the cut append, and the
// bytes the cut left of that append.
func tornSmallFile(t *testing.T) (path string, whole, torn []byte) {
	t.Helper()
	path = writeState(t, smallState(t))
	change(t, path, "bob", model.Log{Text: "first"})
	whole = readFile(t, path)
	change(t, path, "bob", model.Log{Text: "second, cut short by a crash"})
	data := readFile(t, path)
	cut := data[:len(whole)+(len(data)-len(whole))/2]
	if err := os.WriteFile(path, cut, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, whole, cut[len(whole):]
}

// TestTornTailThenChangeInPlace: on a small incident a change to a record
// in place (the severity, the status, the title) writes the file whole.
// After a crash cut an append short it keeps the cut bytes in NAME.torn,
// as an append does, and writes the change.
func TestTornTailThenChangeInPlace(t *testing.T) {
	for _, op := range []model.Op{
		model.SetSeverity{Severity: model.Sev2},
		model.SetStatus{Status: model.Identified},
		model.SetTitle{Title: "Checkout is down in EU"},
	} {
		t.Run(fmt.Sprintf("%T", op), func(t *testing.T) {
			path, _, torn := tornSmallFile(t)
			out := change(t, path, "carol", op)
			if out.Torn != store.TornPath(path) {
				t.Errorf("Torn = %q, want %q", out.Torn, store.TornPath(path))
			}
			if kept := readFile(t, store.TornPath(path)); !bytes.Contains(kept, torn) {
				t.Errorf("NAME.torn holds %q, want the cut bytes", kept)
			}
			s, err := store.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			if !equalStates(headOf(s), headOf(out.State)) || s.Timeline[len(s.Timeline)-1].Text == "second, cut short by a crash" {
				t.Errorf("the file does not hold the change: %+v", s.Incident)
			}
		})
	}
}

// TestWriterAfterTornTail: a screen's Writer goes through the same
// transaction: a change of severity after a torn append is written, and
// the note submitted after it too.
func TestWriterAfterTornTail(t *testing.T) {
	path, _, _ := tornSmallFile(t)
	w := store.NewWriter(path, nil)
	env := model.Env{Now: t0, Actor: "alice", IDs: model.RandomIDs{}}
	w.Submit(store.Change{Op: model.SetSeverity{Severity: model.Sev2}, Env: env})
	var tl tally
	collect(t, w, 1, &tl)
	w.Submit(logChange("typed after it"))
	collect(t, w, 2, &tl)
	closeWriter(t, w, &tl)
	if len(tl.errs) > 0 || len(tl.committed) != 2 {
		t.Fatalf("committed %v, errors %v", tl.committed, tl.errs)
	}
	s := checkTail(t, path, "typed after it")
	if s.Incident.Severity != model.Sev2 {
		t.Errorf("severity %s, want SEV2", s.Incident.Severity)
	}
	if _, err := os.Stat(store.TornPath(path)); err != nil {
		t.Errorf("the cut append was not kept: %v", err)
	}
}
