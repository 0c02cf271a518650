package store_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// branch copies the file at path and applies ops to the copy, as a
// branch of a git repository changes its own version of the file.
func branch(t *testing.T, path, name, actor string, ops ...func(model.State) model.Op) []byte {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, readFile(t, path), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, op := range ops {
		s, err := store.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		change(t, p, actor, op(s))
	}
	return readFile(t, p)
}

// TestDecodeSharedIsDecodeAll: versions of one file decoded together,
// reading their shared commits once, are each the incident DecodeAll
// reads — whether they share their checkpoint and commits, share less
// (one was checkpointed, or edited near its start), or one of them is
// torn or broken (then DecodeAll's error, and the others still read).
func TestDecodeSharedIsDecodeAll(t *testing.T) {
	defer store.SetLimits(0, 512<<10, 4<<20)()
	path, _ := grownFile(t)
	base := readFile(t, path)
	log := func(text string) func(model.State) model.Op {
		return func(model.State) model.Op { return model.Log{Text: text} }
	}
	ours := branch(t, path, "ours", "alice", log("ours 1"),
		func(s model.State) model.Op { return model.TaskSet{Task: s.Tasks[0].ID, State: model.TaskDone} }, log("ours 2"))
	theirs := branch(t, path, "theirs", "bob", log("theirs 1"),
		func(model.State) model.Op { return model.TaskAdd{Title: "page the DBA", Owner: "erin"} },
		func(model.State) model.Op { return model.Handoff{Role: model.RoleRef{Role: "tech_lead"}, To: "erin"} })
	if !bytes.HasPrefix(ours, base) || !bytes.HasPrefix(theirs, base) {
		t.Fatal("the branches did not append to the base")
	}
	if n := store.SharedCommits(base, ours, theirs); n != len(base) {
		t.Errorf("the versions share the base's %d bytes; %d are read once", len(base), n)
	}
	// A version written whole: a new checkpoint shares nothing.
	rewritten := func() []byte {
		s, err := store.DecodeAll("x", theirs)
		if err != nil {
			t.Fatal(err)
		}
		data, err := store.Encode(s)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}()
	edited := bytes.Replace(bytes.Clone(ours), []byte("Checkout is down"), []byte("Checkout is dead"), 1)
	torn := append(bytes.Clone(ours), []byte("\n[[timeline]]\nid = \"torn\"\n")...)
	broken := append(bytes.Clone(theirs), []byte("\n[[timeline]]\nid = \"x\"\nsum = \"00000000\"\n")...)
	// A commit written by a machine whose clock runs days ahead: whole,
	// and refused as a read of the whole file refuses it.
	future := func() []byte {
		p := filepath.Join(t.TempDir(), "future")
		if err := os.WriteFile(p, theirs, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := store.UpdateWith(context.Background(), p, store.UpdateOptions{}, func(s model.State) (model.State, error) {
			next, _, err := s.Apply(model.DefaultCatalog(), model.Log{Text: "from the future"},
				model.Env{Now: time.Now().Add(72 * time.Hour), Actor: "bob", IDs: model.RandomIDs{}})
			return next, err
		})
		if err != nil {
			t.Fatal(err)
		}
		return readFile(t, p)
	}()
	if !bytes.HasPrefix(future, theirs) {
		t.Fatal("the future commit was not appended")
	}
	for name, versions := range map[string][][]byte{
		"one from the future":      {ours, future},
		"base, ours, theirs":       {base, ours, theirs},
		"ours and theirs":          {ours, theirs},
		"the base twice":           {base, base},
		"ours and the base":        {ours, base},
		"one rewritten":            {ours, rewritten},
		"one edited by hand":       {edited, theirs},
		"one torn":                 {theirs, torn},
		"one with a broken commit": {ours, broken},
		"one alone":                {ours},
	} {
		got, errs := store.DecodeShared("f", versions...)
		for i, v := range versions {
			want, wantErr := store.DecodeAll("f", v)
			if (errs[i] == nil) != (wantErr == nil) || (wantErr != nil && errs[i].Error() != wantErr.Error()) {
				t.Errorf("%s: version %d: error %v, DecodeAll's %v", name, i, errs[i], wantErr)
				continue
			}
			if wantErr != nil {
				continue
			}
			a, errA := store.Encode(got[i])
			b, errB := store.Encode(want)
			if err := errors.Join(errA, errB); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a, b) {
				t.Errorf("%s: version %d reads otherwise than DecodeAll reads it", name, i)
			}
		}
	}
	if n := store.SharedCommits(ours, rewritten); n != 0 {
		t.Errorf("a version written whole shares %d bytes with the others", n)
	}
	// Decoding one version does not change what the others share.
	got, _ := store.DecodeShared("f", ours, theirs, base)
	if len(got[2].Timeline) != len(mustDecode(t, base).Timeline) || len(got[0].Tasks) != len(mustDecode(t, ours).Tasks) {
		t.Error("one version's commits reached another's incident")
	}
}

func mustDecode(t *testing.T, data []byte) model.State {
	t.Helper()
	s, err := store.DecodeAll("f", data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestMirrorBesideReadsAsMirrorAndDecodeCopy: the file and the copy
// beside it, decoded together, are handed to decide as Mirror hands the
// file and DecodeCopy reads the copy — bytes, incident and mark — whether
// they share commits or not, with a torn tail on either side; a copy that
// cannot be read is a *BesideError and nothing is written.
func TestMirrorBesideReadsAsMirrorAndDecodeCopy(t *testing.T) {
	defer store.SetLimits(0, 512<<10, 4<<20)()
	path, _ := grownFile(t)
	log := func(text string) func(model.State) model.Op {
		return func(model.State) model.Op { return model.Log{Text: text} }
	}
	ours := branch(t, path, "ours", "alice", log("ours 1"),
		func(s model.State) model.Op { return model.TaskSet{Task: s.Tasks[0].ID, State: model.TaskDone} })
	theirs := branch(t, path, "theirs", "bob", log("theirs 1"),
		func(model.State) model.Op { return model.TaskAdd{Title: "page the DBA", Owner: "erin"} })
	rewritten, err := store.Encode(mustDecode(t, theirs))
	if err != nil {
		t.Fatal(err)
	}
	torn := append(bytes.Clone(theirs), []byte("\n[[timeline]]\nid = \"torn\"\n")...)
	same := func(a, b store.Copy) bool {
		ea, errA := store.Encode(a.State())
		eb, errB := store.Encode(b.State())
		ma, sa := a.Mark()
		mb, sb := b.Mark()
		return errA == nil && errB == nil && bytes.Equal(ea, eb) && bytes.Equal(a.Data(), b.Data()) && ma == mb && sa == sb
	}
	for name, c := range map[string]struct{ local, other []byte }{
		"sharing commits":       {ours, theirs},
		"the same bytes":        {ours, ours},
		"other rewritten":       {ours, rewritten},
		"other torn":            {ours, torn},
		"local torn":            {torn, ours},
		"other not an incident": {ours, []byte("title = [\n")},
	} {
		file := filepath.Join(t.TempDir(), "warroom.toml")
		if err := os.WriteFile(file, c.local, 0o644); err != nil {
			t.Fatal(err)
		}
		var plain store.Copy
		if _, _, err := store.Mirror(context.Background(), file, func(l store.Copy) (*store.Copy, error) { plain = l; return nil, nil }); err != nil {
			t.Fatal(err)
		}
		wantOther, otherErr := store.DecodeCopy("remote", c.other)
		called := false
		_, _, err := store.MirrorBeside(context.Background(), file, store.Beside{Name: "remote", Data: c.other}, func(l, o store.Copy) (*store.Copy, error) {
			called = true
			if !same(l, plain) {
				t.Errorf("%s: the file is not handed as Mirror hands it", name)
			}
			if !same(o, wantOther) {
				t.Errorf("%s: the copy beside is not handed as DecodeCopy reads it", name)
			}
			return nil, nil
		})
		var be *store.BesideError
		switch {
		case otherErr != nil && (!errors.As(err, &be) || called):
			t.Errorf("%s: an unreadable copy beside gave %v (decide called: %v)", name, err, called)
		case otherErr == nil && (err != nil || !called):
			t.Errorf("%s: %v (decide called: %v)", name, err, called)
		}
		if !bytes.Equal(readFile(t, file), c.local) {
			t.Errorf("%s: the file changed", name)
		}
	}
}
