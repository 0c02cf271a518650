package gitmerge

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

var t0 = time.Date(2026, 11, 25, 14, 0, 0, 0, time.UTC)

// history plays n random changes on s as replica rep, from now on.
func history(t *testing.T, r *rand.Rand, s model.State, rep string, now time.Time, n int) model.State {
	t.Helper()
	c := model.DefaultCatalog()
	people := []string{"alice", "bob", "carol"}
	roles := []model.RoleRef{{Role: "tech_lead"}, {Role: "communications_manager"}, {Role: "tech_lead", Workstream: "db"}}
	ids := model.RandomIDs{Rand: rand.New(rand.NewSource(r.Int63()))}
	for i := 0; i < n; i++ {
		now = now.Add(time.Duration(1+r.Intn(90)) * time.Second)
		var op model.Op
		switch r.Intn(9) {
		case 0:
			op = model.Log{Kind: model.KindNote, Text: fmt.Sprintf("note %d on %s", i, rep)}
		case 1:
			op = model.TaskAdd{Title: fmt.Sprintf("task %d on %s", i, rep), Role: roles[r.Intn(len(roles))]}
		case 2:
			if len(s.Tasks) > 0 {
				st := []model.TaskState{model.TaskInProgress, model.TaskDone, model.TaskOpen}[r.Intn(3)]
				op = model.TaskSet{Task: s.Tasks[r.Intn(len(s.Tasks))].ID, State: st}
			}
		case 3:
			op = model.Handoff{Role: roles[r.Intn(len(roles))], To: people[r.Intn(len(people))]}
		case 4:
			op = model.Accept{Role: roles[r.Intn(len(roles))]}
		case 5:
			op = model.SetTitle{Title: fmt.Sprintf("title %d on %s", i, rep)}
		case 6:
			op = model.SetSummary{Summary: fmt.Sprintf("summary %d on %s", i, rep)}
		case 7:
			op = model.SetStatus{Status: []model.Status{model.Identified, model.Monitoring, model.Investigating}[r.Intn(3)]}
		case 8:
			op = model.SetSeverity{Severity: model.Severity(1 + r.Intn(3))}
		}
		if op == nil {
			continue
		}
		next, _, err := s.Apply(c, op, model.Env{Now: now, Actor: people[r.Intn(len(people))], Replica: rep, IDs: ids})
		if err == nil {
			s = next
		}
	}
	return s
}

func encode(t *testing.T, s model.State) []byte {
	t.Helper()
	b, err := store.Encode(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// canonical is s as a file holds it: encoded, read and encoded again
// (an empty list and none are the same).
func canonical(t *testing.T, s model.State) []byte {
	t.Helper()
	back, err := store.DecodeAll("canonical", encode(t, withoutEmpty(s)))
	if err != nil {
		t.Fatal(err)
	}
	return encode(t, back)
}

// TestMergeIsTheSyncsAndTheSameBothWays: for random histories on two
// branches from one base, the file merged is model.Merge's incident, and
// merging theirs into ours gives the same bytes as ours into theirs, in
// both modes; merging the result with either side again changes nothing.
func TestMergeIsTheSyncsAndTheSameBothWays(t *testing.T) {
	cases := 200
	if testing.Short() {
		cases = 40
	}
	conflicts := 0
	for seed := int64(1); seed <= int64(cases); seed++ {
		r := rand.New(rand.NewSource(seed))
		base, _, err := model.State{}.Apply(model.DefaultCatalog(), model.Declare{Title: "base", Severity: model.Sev2, Commander: "alice"},
			model.Env{Now: t0, Actor: "alice", Replica: "base", IDs: model.RandomIDs{Rand: r}})
		if err != nil {
			t.Fatal(err)
		}
		base = history(t, r, base, "base", t0, 5)
		ours := history(t, r, base, "ours", t0.Add(time.Hour), 1+r.Intn(12))
		theirs := history(t, r, base, "theirs", t0.Add(time.Hour), 1+r.Intn(12))
		bb, ob, tb := encode(t, base), encode(t, ours), encode(t, theirs)
		want, _, err := model.Merge(ours, theirs)
		if err != nil {
			t.Fatal(err)
		}
		for _, strict := range []bool{false, true} {
			ab, err := Merge(Input{Path: "x.incident.toml", Base: bb, Ours: ob, Theirs: tb, Strict: strict})
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			ba, err := Merge(Input{Path: "x.incident.toml", Base: bb, Ours: tb, Theirs: ob, Strict: strict})
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			if !bytes.Equal(ab.Data, ba.Data) {
				t.Fatalf("seed %d, strict %v: ours+theirs and theirs+ours differ", seed, strict)
			}
			if len(ab.Conflicts) != len(ba.Conflicts) || (!strict && len(ab.Conflicts) > 0) {
				t.Fatalf("seed %d, strict %v: conflicts %v and %v", seed, strict, ab.Conflicts, ba.Conflicts)
			}
			got, err := store.DecodeAll("merged", ab.Data)
			if err != nil {
				t.Fatalf("seed %d: the merged file does not read: %v", seed, err)
			}
			if !bytes.Equal(ab.Data, encode(t, got)) {
				t.Fatalf("seed %d: the merged file is not as a file read and written back", seed)
			}
			if !strict && !bytes.Equal(ab.Data, canonical(t, want)) {
				t.Fatalf("seed %d: the merged file is not model.Merge's incident", seed)
			}
			if strict {
				// The same as Merge's, but for the conflict entries.
				kept := got
				kept.Timeline = nil
				for _, e := range got.Timeline {
					if e.Kind != model.KindConflict {
						kept.Timeline = append(kept.Timeline, e)
					}
				}
				if !bytes.Equal(canonical(t, kept), canonical(t, want)) {
					t.Fatalf("seed %d: strict merge is more than model.Merge's incident and its conflicts", seed)
				}
				conflicts += len(ab.Conflicts)
				if len(got.OpenConflicts()) != len(ab.Conflicts) {
					t.Fatalf("seed %d: %d conflicts, %d open in the file", seed, len(ab.Conflicts), len(got.OpenConflicts()))
				}
			}
			for _, side := range [][]byte{ob, tb} {
				again, err := Merge(Input{Base: bb, Ours: ab.Data, Theirs: side, Strict: strict})
				if err != nil || again.Changed {
					t.Fatalf("seed %d, strict %v: merging the result with a side again: changed %v, %v", seed, strict, again.Changed, err)
				}
			}
		}
	}
	if conflicts == 0 {
		t.Error("no history rewrote the title or summary on both sides: strict mode went untested")
	}
}

// TestEmptyVersions: an empty version holds no incident: the other is
// the result; both empty leave ours as it is.
func TestEmptyVersions(t *testing.T) {
	s, _, err := model.State{}.Apply(model.DefaultCatalog(), model.Declare{Title: "x", Commander: "alice"},
		model.Env{Now: t0, Actor: "alice", IDs: &model.SeqIDs{}})
	if err != nil {
		t.Fatal(err)
	}
	b := encode(t, s)
	for name, in := range map[string]Input{
		"ours empty":   {Ours: nil, Theirs: b},
		"theirs blank": {Ours: b, Theirs: []byte("\n \n")},
		"base empty":   {Ours: b, Theirs: b, Strict: true},
	} {
		res, err := Merge(in)
		if err != nil || !bytes.Equal(res.Data, b) || res.Incident != s.Incident.ID {
			t.Errorf("%s: %v, incident %q, data:\n%s", name, err, res.Incident, res.Data)
		}
	}
	res, err := Merge(Input{Ours: []byte("\n"), Theirs: nil})
	if err != nil || res.Changed || string(res.Data) != "\n" {
		t.Errorf("both empty: %v, changed %v", err, res.Changed)
	}
}

// TestUnmergeableVersions: what cannot be merged says which version and
// why, and returns no data.
func TestUnmergeableVersions(t *testing.T) {
	s, _, err := model.State{}.Apply(model.DefaultCatalog(), model.Declare{Title: "x", Commander: "alice"},
		model.Env{Now: t0, Actor: "alice", IDs: &model.SeqIDs{}})
	if err != nil {
		t.Fatal(err)
	}
	good := encode(t, s)
	other := s
	other.Incident.ID = "INC-20261125-zzzz"
	newer := bytes.Replace(good, []byte("schema = 3"), []byte("schema = 99"), 1)
	corrupt := append(append([]byte(nil), good...), "[[timeline]\n"...)
	var se *store.SchemaError
	var fe *store.FileError
	var mismatch *model.IncidentMismatchError
	for name, c := range map[string]struct {
		in   Input
		side Side
		as   any
	}{
		"corrupt theirs":     {Input{Ours: good, Theirs: corrupt}, Theirs, &fe},
		"corrupt ours":       {Input{Ours: corrupt, Theirs: good}, Ours, &fe},
		"newer theirs":       {Input{Ours: good, Theirs: newer}, Theirs, &se},
		"corrupt base":       {Input{Base: corrupt, Ours: good, Theirs: good, Strict: true}, Base, &fe},
		"two incidents":      {Input{Ours: good, Theirs: encode(t, other)}, "", &mismatch},
		"not an incident":    {Input{Ours: good, Theirs: []byte("[package]\nname = \"x\"\n")}, Theirs, &fe},
		"corrupt base, lazy": {Input{Base: corrupt, Ours: good, Theirs: good}, "-", nil},
	} {
		res, err := Merge(c.in)
		if c.side == "-" {
			if err != nil {
				t.Errorf("%s: the base is read only in strict mode: %v", name, err)
			}
			continue
		}
		if err == nil || res.Data != nil {
			t.Errorf("%s: merged: %v", name, err)
			continue
		}
		var side *SideError
		if got := errors.As(err, &side); got != (c.side != "") || (got && side.Side != c.side) {
			t.Errorf("%s: %v, want the %s version named", name, err, c.side)
		}
		if !errors.As(err, c.as) {
			t.Errorf("%s: %v is not a %T", name, err, c.as)
		}
	}
}
