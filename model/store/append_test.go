package store_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// change applies op as actor with UpdateWith, handing it only what it
// reads, and returns the outcome.
func change(tb testing.TB, path, actor string, op model.Op) store.Outcome {
	tb.Helper()
	out, err := store.UpdateWith(context.Background(), path, store.UpdateOptions{Reads: model.Needs(op)},
		func(s model.State) (model.State, error) {
			next, _, err := s.Apply(model.DefaultCatalog(), op, model.Env{Now: time.Now(), Actor: actor, IDs: model.RandomIDs{}})
			return next, err
		})
	if err != nil {
		tb.Fatalf("%T: %v", op, err)
	}
	return out
}

// everyKindOfChange is a run of changes of every sort: entries only,
// records added, records changed in place, the incident's own fields.
func everyKindOfChange(s model.State) []func(model.State) model.Op {
	return []func(model.State) model.Op{
		func(model.State) model.Op { return model.Log{Text: "a note"} },
		func(model.State) model.Op { return model.TaskAdd{Title: "check the CDN", Owner: "dave"} },
		func(s model.State) model.Op {
			return model.TaskSet{Task: s.Tasks[len(s.Tasks)-1].ID, State: model.TaskInProgress}
		},
		func(model.State) model.Op {
			return model.Handoff{Role: model.RoleRef{Role: "tech_lead"}, To: "erin", Note: "db"}
		},
		func(model.State) model.Op { return model.Handoff{Role: model.RoleRef{Role: "tech_lead"}, To: "frank"} },
		func(s model.State) model.Op {
			if s.Incident.Status == model.Identified {
				return model.SetStatus{Status: model.Monitoring}
			}
			return model.SetStatus{Status: model.Identified}
		},
		func(s model.State) model.Op {
			if s.Incident.Severity == model.Sev2 {
				return model.SetSeverity{Severity: model.Sev3}
			}
			return model.SetSeverity{Severity: model.Sev2}
		},
		func(model.State) model.Op { return model.Log{Kind: model.KindTheory, Text: "the pool is exhausted"} },
		func(s model.State) model.Op {
			return model.TheorySet{Theory: s.Theories[len(s.Theories)-1].ID, State: model.TheoryConfirmed}
		},
		func(model.State) model.Op { return model.Log{Kind: model.KindFollowup, Text: "add a pool alarm"} },
		func(model.State) model.Op { return model.Customers{Channel: "calls", Count: 3} },
		func(model.State) model.Op { return model.CommsUpdate{Audience: "internal", Text: "we know"} },
	}
}

// TestAppendsLoadAsApplied runs every sort of change through UpdateWith,
// on a file large enough that changes to records in place are appended
// too, and wants the file to load, after each, as the incident the
// changes made in memory. Entries and records added must read the same
// with any TOML reader; changed records read so after a checkpoint.
func TestAppendsLoadAsApplied(t *testing.T) {
	defer store.SetLimits(0, 512<<10, 4<<20)()
	path := writeState(t, smallState(t))
	var appended, whole int
	for round := range 3 {
		s, err := store.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		for i, next := range everyKindOfChange(s) {
			op := next(s)
			out := change(t, path, fmt.Sprintf("user%d", i%4), op)
			if out.Appended {
				appended++
			} else {
				whole++
			}
			want := out.State
			got, err := store.Load(path)
			if err != nil {
				t.Fatalf("round %d, after %T: %v", round, op, err)
			}
			// out.State holds only the part of the timeline the change read.
			want.Timeline = append(append([]model.Entry(nil), s.Timeline...), out.Added...)
			if !equalStates(headOf(got), headOf(want)) || !reflect.DeepEqual(got.Timeline, want.Timeline) {
				t.Fatalf("round %d, after %T: the file loads as another incident than the one applied", round, op)
			}
			s = got
			plainDecodeHolds(t, path, got)
		}
	}
	if appended < 30 {
		t.Errorf("%d of %d changes appended; want nearly all", appended, appended+whole)
	}
}

// plainDecodeHolds checks what any TOML reader gets from the file: every
// entry and every record of the incident, but records changed in place
// since the checkpoint, which it has as they were then.
func plainDecodeHolds(t *testing.T, path string, want model.State) {
	t.Helper()
	var plain model.State
	if _, err := toml.DecodeFile(path, &plain); err != nil {
		t.Fatalf("plain decode: %v", err)
	}
	if !reflect.DeepEqual(plain.Timeline, want.Timeline) {
		t.Fatalf("plain decode: %d entries, want %d as loaded", len(plain.Timeline), len(want.Timeline))
	}
	if len(plain.Tasks) != len(want.Tasks) || len(plain.Assignments) != len(want.Assignments) ||
		len(plain.People) != len(want.People) || len(plain.Theories) != len(want.Theories) || len(plain.FollowUps) != len(want.FollowUps) {
		t.Fatalf("plain decode: records %d/%d/%d/%d/%d, want %d/%d/%d/%d/%d", len(plain.Tasks), len(plain.Assignments),
			len(plain.People), len(plain.Theories), len(plain.FollowUps),
			len(want.Tasks), len(want.Assignments), len(want.People), len(want.Theories), len(want.FollowUps))
	}
	for i, task := range want.Tasks {
		if plain.Tasks[i].ID != task.ID || plain.Tasks[i].Title != task.Title {
			t.Fatalf("plain decode: task %d is %s %q, want %s %q", i, plain.Tasks[i].ID, plain.Tasks[i].Title, task.ID, task.Title)
		}
	}
}

func headOf(s model.State) model.State {
	s.Timeline = nil
	return s
}

// TestSmallFileStaysPlain: on a small file a change to records in place
// is written whole, so any TOML reader gets exactly the incident.
func TestSmallFileStaysPlain(t *testing.T) {
	path := writeState(t, smallState(t))
	s, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, next := range everyKindOfChange(s) {
		s, err = store.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		change(t, path, "bob", next(s))
		got, err := store.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		var plain model.State
		if _, err := toml.DecodeFile(path, &plain); err != nil {
			t.Fatal(err)
		}
		if !equalStates(plain, got) {
			t.Fatalf("after %T, a plain TOML decode differs from Load", next(s))
		}
	}
}

// TestCheckpointWhenTailGrows: once what follows the checkpoint passes its
// bound, the next change writes the file whole, byte for byte as Encode
// writes the incident, without decoding the entries.
func TestCheckpointWhenTailGrows(t *testing.T) {
	defer store.SetLimits(0, 4<<10, 4<<10)()
	path := writeState(t, smallState(t))
	var checkpoints int
	for i := range 60 {
		var op model.Op = model.Log{Text: fmt.Sprintf("entry %d: %s", i, strings.Repeat("x", 80))}
		if i%7 == 3 {
			op = model.SetStatus{Status: model.Statuses[i%len(model.Statuses)]}
		}
		before := readFile(t, path)
		out, err := store.UpdateWith(context.Background(), path, store.UpdateOptions{Reads: model.Needs(op)},
			func(s model.State) (model.State, error) {
				next, _, err := s.Apply(model.DefaultCatalog(), op, model.Env{Now: time.Now(), Actor: "bob", IDs: model.RandomIDs{}})
				if err != nil {
					return s, store.ErrUnchanged
				}
				return next, nil
			})
		if err != nil {
			t.Fatal(err)
		}
		after := readFile(t, path)
		if out.Appended {
			if !bytes.HasPrefix(after, before) {
				t.Fatalf("change %d: appended, but the file does not start with the file before", i)
			}
			continue
		}
		if len(out.Added) == 0 {
			continue
		}
		checkpoints++
		s, err := store.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		enc, err := store.Encode(s)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(enc, after) {
			t.Fatalf("change %d: the checkpoint is not the file Encode writes", i)
		}
	}
	if checkpoints < 2 {
		t.Errorf("%d checkpoints in 60 changes with a 4 KiB bound", checkpoints)
	}
}

// TestRandomChanges applies random changes through UpdateWith with small
// bounds (so that appends, changes in place, and checkpoints all happen)
// and compares the file with the incident applied in memory after each.
func TestRandomChanges(t *testing.T) {
	defer store.SetLimits(6<<10, 6<<10, 6<<10)()
	r := rand.New(rand.NewPCG(7, 7))
	path := writeState(t, smallState(t))
	mem, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	c := model.DefaultCatalog()
	ways := map[bool]int{}
	defer func() {
		if ways[true] < 100 || ways[false] < 10 {
			t.Errorf("%d changes appended, %d written whole; want many of both", ways[true], ways[false])
		}
	}()
	for step := range 300 {
		op := randomChange(r, mem)
		seed := r.Uint64()
		env := model.Env{Now: t0.Add(time.Duration(step) * time.Second), Actor: []string{"alice", "bob", "carol"}[step%3], IDs: &model.SeededIDs{Seed: seed}}
		want, _, werr := mem.Apply(c, op, env)
		out, err := store.UpdateWith(context.Background(), path, store.UpdateOptions{Reads: model.Needs(op)},
			func(s model.State) (model.State, error) {
				next, _, err := s.Apply(c, op, env)
				return next, err
			})
		if (err == nil) != (werr == nil) {
			t.Fatalf("step %d %T: error %v in the file, %v in memory", step, op, err, werr)
		}
		if werr != nil {
			continue
		}
		ways[out.Appended]++
		got, err := store.Load(path)
		if err != nil {
			t.Fatalf("step %d %T: %v", step, op, err)
		}
		if !equalStates(got, want) {
			t.Fatalf("step %d %T: the file holds another incident than the one applied", step, op)
		}
		mem = got
	}
}

// randomChange draws a change, valid or not.
func randomChange(r *rand.Rand, s model.State) model.Op {
	pick := func(n int) int { return r.IntN(max(n, 1)) }
	switch r.IntN(10) {
	case 0:
		return model.TaskAdd{Title: fmt.Sprintf("task %d", r.IntN(100)), Owner: []string{"", "bob", "dave"}[r.IntN(3)]}
	case 1:
		if len(s.Tasks) > 0 {
			return model.TaskSet{Task: s.Tasks[pick(len(s.Tasks))].ID, State: []model.TaskState{model.TaskOpen, model.TaskDone, model.TaskInProgress}[r.IntN(3)]}
		}
	case 2:
		return model.Handoff{Role: model.RoleRef{Role: []string{"tech_lead", "scribe", "communications_manager"}[r.IntN(3)]}, To: []string{"bob", "erin", "frank"}[r.IntN(3)]}
	case 3:
		return model.SetStatus{Status: model.Statuses[r.IntN(len(model.Statuses))]}
	case 4:
		return model.Log{Kind: model.KindTheory, Text: "theory"}
	case 5:
		if len(s.Timeline) > 0 {
			return model.Retract{Entry: s.Timeline[pick(len(s.Timeline))].ID}
		}
	case 6:
		return model.CommsUpdate{Audience: "external", Text: "update", NeedsApproval: true}
	case 7:
		if p := s.PendingUpdates(); len(p) > 0 {
			return model.ApproveUpdate{Draft: p[0].ID}
		}
	}
	return model.Log{Text: fmt.Sprintf("note %d %s", r.IntN(1000), strings.Repeat("y", r.IntN(300)))}
}

// TestAppendKeepsMode: an append leaves the file's permissions alone, and a
// read-only file is written whole instead.
func TestAppendReadOnlyFile(t *testing.T) {
	path := writeState(t, smallState(t))
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	out := change(t, path, "bob", model.Log{Text: "into a read-only file"})
	if out.Appended {
		t.Skip("the file could be opened for writing (running as root?)")
	}
	s, err := store.Load(path)
	if err != nil || s.Timeline[len(s.Timeline)-1].Text != "into a read-only file" {
		t.Fatalf("entry not saved: %v", err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o444 {
		t.Errorf("mode %v, want 0444 kept", info.Mode().Perm())
	}
}
