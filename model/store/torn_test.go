package store_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
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

// lastBlockEdited is grownFile with its last commit edited by hand, old
// replaced by new, its sum line left as it was.
func lastBlockEdited(t *testing.T, old, new string) (path string, edited []byte) {
	t.Helper()
	path, _ = grownFile(t)
	data := readFile(t, path)
	last := bytes.LastIndex(data[:len(data)-1], []byte("\nsum = \""))
	last = bytes.LastIndex(data[:last], []byte("\nsum = \"")) + 1 // the start of the last commit
	i := bytes.Index(data[last:], []byte(old))
	if i < 0 {
		t.Fatalf("no %q in the last commit", old)
	}
	edited = slices.Concat(data[:last+i], []byte(new), data[last+i+len(old):])
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, edited
}

// TestFutureTimeInLastBlockIsRefused: a time far ahead typed by hand in
// the last commit is refused with its field named, as anywhere else in
// the file; the commit is never moved to NAME.torn.
func TestFutureTimeInLastBlockIsRefused(t *testing.T) {
	path, edited := lastBlockEdited(t, "\nat = 20", "\nat = 2099-01-01T00:00:00Z\n# was: 20")
	_, err := store.Load(path)
	if err == nil || !strings.Contains(err.Error(), "2099-01-01") || !strings.Contains(err.Error(), "ahead of this machine's clock") ||
		!strings.Contains(err.Error(), "[[timeline]]") {
		t.Fatalf("Load: %v, want the time far ahead refused with its field", err)
	}
	_, err = store.UpdateWith(context.Background(), path, store.UpdateOptions{}, mustNotRun(t))
	assertRefused(t, path, edited, err)
	_, err = store.Update(context.Background(), path, false, mustNotRun(t))
	assertRefused(t, path, edited, err)
	if _, err := os.Stat(store.TornPath(path)); err == nil {
		t.Error("the sealed commit was moved to NAME.torn")
	}
}

// TestEditInLastBlockIsAHandEdit: a text edited by hand in the last
// commit is an edit like any other: read as it is, and the next change
// writes the file whole with it, moving nothing to NAME.torn.
func TestEditInLastBlockIsAHandEdit(t *testing.T) {
	path, _ := lastBlockEdited(t, `text = "last appended"`, `text = "last appended, fixed by hand"`)
	h, s, err := store.Inspect(path)
	if err != nil || !h.Edited || h.Unsealed != 0 || s.Timeline[len(s.Timeline)-1].Text != "last appended, fixed by hand" {
		t.Fatalf("Inspect: %+v, %v", h, err)
	}
	if out := change(t, path, "bob", model.Log{Text: "after the edit"}); out.Appended || out.Torn != "" {
		t.Errorf("appended %v, torn %q: want the file written whole, nothing set aside", out.Appended, out.Torn)
	}
	s, err = store.Load(path)
	if err != nil || s.Timeline[len(s.Timeline)-2].Text != "last appended, fixed by hand" {
		t.Fatalf("after: %v", err)
	}
	if _, err := os.Stat(store.TornPath(path)); err == nil {
		t.Error("the edited commit was moved to NAME.torn")
	}
}

// TestCommentsAtTheEndAreKept: comments a person adds after the last sum
// line are not data, and warroom keeps no comments in the file: the next
// change moves them to NAME.torn, says so, and is appended after the
// last whole commit. Nothing typed is lost.
func TestCommentsAtTheEndAreKept(t *testing.T) {
	for name, tail := range map[string]string{
		"comment":            "\n# ask the DB team about the pool size\n",
		"comment, no return": "# ask the DB team about the pool size",
	} {
		t.Run(name, func(t *testing.T) {
			path, want := grownFile(t)
			whole := readFile(t, path)
			if err := os.WriteFile(path, append(bytes.Clone(whole), tail...), 0o644); err != nil {
				t.Fatal(err)
			}
			if h, _, err := store.Inspect(path); err != nil || !h.Comment || h.Unsealed != 0 {
				t.Fatalf("Inspect: %+v, %v", h, err)
			}
			out := change(t, path, "erin", model.Log{Text: "after the comment"})
			if out.Torn != store.TornPath(path) {
				t.Fatalf("Torn = %q: the comment was not kept", out.Torn)
			}
			kept := string(readFile(t, store.TornPath(path)))
			if !strings.Contains(kept, "ask the DB team about the pool size") || !strings.Contains(kept, "comments, which warroom does not keep") {
				t.Errorf("NAME.torn holds %q", kept)
			}
			if after := readFile(t, path); !bytes.HasPrefix(after, whole) || bytes.Contains(after, []byte("pool size")) {
				t.Errorf("the change was not appended after the last whole commit")
			}
			if got, err := store.Load(path); err != nil || len(got.Timeline) != len(want.Timeline)+1 {
				t.Errorf("after: %v", err)
			}
		})
	}
}
