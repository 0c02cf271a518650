package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// These tests play what a sync asks of the store (mark.go, look.go,
// extend.go, mirror.go): where two copies hold the same bytes, what one
// appended since, and appending another copy's commits as they are.

// markedFile writes a large incident to a fresh file and returns its
// path, its mark and stamp as a sync keeps them.
func markedFile(t *testing.T) (string, store.Mark, store.Stamp) {
	t.Helper()
	s, err := bigState(300, 20)
	if err != nil {
		t.Fatal(err)
	}
	data, err := store.Encode(s)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "warroom.toml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	m, st := mark(t, path)
	return path, m, st
}

// mark is where the file at path stands now, as Mirror says after a
// sync that leaves it as it is.
func mark(t *testing.T, path string) (store.Mark, store.Stamp) {
	t.Helper()
	c, st, err := store.Mirror(context.Background(), path, func(store.Copy) (*store.Copy, error) { return nil, nil })
	if err != nil {
		t.Fatal(err)
	}
	m, ok := c.Mark()
	if !ok {
		t.Fatal("a file warroom wrote whole has no mark")
	}
	return m, st
}

// appendOp appends op to the file at path, as a command does.
func appendOp(t *testing.T, path string, op model.Op) {
	t.Helper()
	if _, err := store.UpdateWith(context.Background(), path, store.UpdateOptions{Reads: model.Needs(op)}, func(s model.State) (model.State, error) {
		next, _, err := s.Apply(model.DefaultCatalog(), op, model.Env{Now: time.Now(), Actor: "alice", IDs: model.RandomIDs{}})
		return next, err
	}); err != nil {
		t.Fatal(err)
	}
}

// TestLookSeesAppendsOnly: Look gives nothing for a file as marked, the
// commits appended since and what they hold, and ErrMoved for a file
// written whole or edited in place without growing.
func TestLookSeesAppendsOnly(t *testing.T) {
	path, m, st := markedFile(t)
	got, err := store.Look(path, m, st)
	if err != nil || got.Commits != nil || got.Mark != m {
		t.Fatalf("a file as marked: %+v %v", got.Mark, err)
	}
	appendOp(t, path, model.Log{Text: "one more"})
	appendOp(t, path, model.TaskAdd{Title: "a task"})
	data, _ := os.ReadFile(path)
	got, err = store.Look(path, m, st)
	switch {
	case err != nil:
		t.Fatal(err)
	case !bytes.Equal(got.Commits, data[m.End:]) || got.Mark.End != int64(len(data)):
		t.Errorf("the commits: %d bytes, mark at %d, file of %d", len(got.Commits), got.Mark.End, len(data))
	case len(got.Entries) != 2 || len(got.After.Tasks) != len(got.Before.Tasks)+1 || got.After.Timeline != nil:
		t.Errorf("what they hold: %d entries, %d tasks after %d", len(got.Entries), len(got.After.Tasks), len(got.Before.Tasks))
	}

	// Edited in place, its size kept.
	m2, st2 := got.Mark, got.Stamp
	edited := bytes.Replace(data, []byte("Checkout is down"), []byte("Checkout is d0wn"), 1)
	f, _ := os.OpenFile(path, os.O_WRONLY, 0)
	_, _ = f.WriteAt(edited, 0)
	_ = f.Close()
	if _, err := store.Look(path, m2, st2); !errors.Is(err, store.ErrMoved) {
		t.Errorf("a file edited in place: %v", err)
	}
	// Written whole.
	if err := store.WriteAtomic(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Look(path, m2, st2); !errors.Is(err, store.ErrMoved) {
		t.Errorf("a file written whole: %v", err)
	}
}

// twin copies the file at path to a new file, and returns its path, mark
// and stamp.
func twin(t *testing.T, path string) (string, store.Mark, store.Stamp) {
	t.Helper()
	data, _ := os.ReadFile(path)
	other := filepath.Join(t.TempDir(), "twin.toml")
	if err := os.WriteFile(other, data, 0o644); err != nil {
		t.Fatal(err)
	}
	m, st := mark(t, other)
	return other, m, st
}

// reseal gives the commit that starts at b[0] and ends b the sum line of
// what it holds now.
func reseal(b []byte) []byte {
	body := b[:len(b)-len(`sum = "1a2b3c4d"`)-1]
	sum := crc32.Checksum(body, crc32.MakeTable(crc32.Castagnoli))
	return append(bytes.Clone(body), fmt.Sprintf("sum = \"%08x\"\n", sum)...)
}

// TestExtendAppendsCheckedCommits: another copy's commits are appended as
// they are; commits that would break the file (an id taken, a key this
// build does not know, half a commit) and a file that moved are refused,
// and the file is left as it was.
func TestExtendAppendsCheckedCommits(t *testing.T) {
	path, m, st := markedFile(t)
	other, _, _ := twin(t, path)
	appendOp(t, other, model.Log{Text: "from the other copy"})
	od, _ := os.ReadFile(other)
	commits := od[m.End:]
	old, _ := os.ReadFile(path)
	oldID := fmt.Sprintf("e%012d", 1_000_000+7)
	newID := bytes.Index(commits, []byte(`id = "e`))

	for _, c := range []struct {
		name    string
		commits []byte
		stamp   store.Stamp
		moved   bool
	}{
		{"an entry id already taken", reseal(append(append(bytes.Clone(commits[:newID]), `id = "`+oldID+`"`...),
			commits[newID+len(`id = "e123456789012"`):]...)), st, false},
		{"an unknown key", reseal(bytes.Replace(commits, []byte("[[timeline]]\n"), []byte("[[timeline]]\nmood = \"bad\"\n"), 1)), st, false},
		{"half a commit", commits[:len(commits)/2], st, false},
		{"a file that moved", commits, store.Stamp{Dev: st.Dev, Ino: st.Ino + 1, Size: st.Size, ModTime: st.ModTime}, true},
	} {
		_, err := store.Extend(context.Background(), path, m, c.stamp, c.commits)
		if err == nil || errors.Is(err, store.ErrMoved) != c.moved {
			t.Errorf("%s: %v", c.name, err)
		}
		if now, _ := os.ReadFile(path); !bytes.Equal(now, old) {
			t.Fatalf("%s: the file changed", c.name)
		}
	}

	got, err := store.Extend(context.Background(), path, m, st, commits)
	if err != nil {
		t.Fatal(err)
	}
	now, _ := os.ReadFile(path)
	if !bytes.Equal(now, od) || got.Mark.End != int64(len(od)) || len(got.Entries) != 1 {
		t.Errorf("extended: %d bytes of %d, mark at %d, %d entries", len(now), len(od), got.Mark.End, len(got.Entries))
	}
	if s, err := store.Load(path); err != nil || s.Timeline[len(s.Timeline)-1].Text != "from the other copy" {
		t.Errorf("the extended file reads: %v", err)
	}
	if back, err := store.Look(path, got.Mark, got.Stamp); err != nil || back.Commits != nil {
		t.Errorf("the file as Extend left it: %v", err)
	}
}

// TestMirrorWritesTheBytesGiven: Mirror writes the copy decide returns
// byte for byte, leaves the file when it returns nil, and writes nothing
// when it fails.
func TestMirrorWritesTheBytesGiven(t *testing.T) {
	path, m, _ := markedFile(t)
	other, _, _ := twin(t, path)
	appendOp(t, other, model.Log{Text: "elsewhere"})
	od, _ := os.ReadFile(other)
	remote, err := store.DecodeCopy("other", od)
	if err != nil {
		t.Fatal(err)
	}
	if rm, ok := remote.Mark(); !ok || rm.End != int64(len(od)) {
		t.Fatalf("a copy of a file warroom wrote: mark %+v %v", rm, ok)
	}
	old, _ := os.ReadFile(path)
	if _, _, err := store.Mirror(context.Background(), path, func(store.Copy) (*store.Copy, error) {
		return &remote, errors.New("no")
	}); err == nil {
		t.Error("a failed decision was not reported")
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, old) {
		t.Fatal("a failed decision wrote the file")
	}
	got, st, err := store.Mirror(context.Background(), path, func(l store.Copy) (*store.Copy, error) {
		if lm, ok := l.Mark(); !ok || lm != m {
			t.Errorf("the file handed to decide: mark %+v", lm)
		}
		return &remote, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, od) || !bytes.Equal(got.Data(), od) {
		t.Error("the file is not the copy's bytes")
	}
	if back, err := store.Look(path, func() store.Mark { m, _ := got.Mark(); return m }(), st); err != nil || back.Commits != nil {
		t.Errorf("the file as Mirror left it: %v", err)
	}
}
