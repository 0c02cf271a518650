package main

// The three versions of each golden merge case (testdata/merge/NAME:
// base.toml, ours.toml, theirs.toml), as the command line's store writes
// them, built by `go test ./cmd/warroom -run TestMergeDriverGolden
// -update`. The cases themselves, and what each result must hold, are in
// cli_mergedriver_test.go.

import (
	"bytes"
	"context"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// mergeT0 is when every case's incident is declared.
var mergeT0 = time.Date(2026, 11, 25, 14, 0, 0, 0, time.UTC)

// step is one change, by one person.
type step struct {
	actor string
	op    model.Op
}

// evolve applies steps to the incident file at path through the store,
// one minute apart from start, as replica rep; seed draws the ids.
func evolve(t *testing.T, path, rep string, start time.Time, seed int64, steps ...step) {
	t.Helper()
	ids := model.RandomIDs{Rand: rand.New(rand.NewSource(seed))}
	now := start
	for _, s := range steps {
		_, err := store.UpdateWith(context.Background(), path, store.UpdateOptions{Create: true, Reads: model.Needs(s.op)},
			func(st model.State) (model.State, error) {
				next, _, err := st.Apply(model.DefaultCatalog(), s.op, model.Env{Now: now, Actor: s.actor, Replica: rep, IDs: ids})
				return next, err
			})
		if err != nil {
			t.Fatalf("%s: %T: %v", rep, s.op, err)
		}
		now = now.Add(time.Minute)
	}
}

// declared writes the incident every case starts from: alice declares,
// hands the tech lead to bob, adds a task and logs a note.
func declared(t *testing.T, path string, seed int64) {
	t.Helper()
	evolve(t, path, "base", mergeT0, seed,
		step{"alice", model.Declare{Title: "Checkout API returning 500s", Severity: model.Sev1, Commander: "alice"}},
		step{"alice", model.Handoff{Role: model.RoleRef{Role: "tech_lead"}, To: "bob", Note: "primary is flapping"}},
		step{"alice", model.TaskAdd{Title: "Roll back deploy 142", Role: model.RoleRef{Role: "tech_lead"}}},
		step{"alice", model.Log{Kind: model.KindNote, Text: "error rate 38%, all regions"}},
	)
}

// branches writes base.toml as declared, and ours.toml and theirs.toml
// as base with each branch's steps, made apart an hour later.
func branches(t *testing.T, dir string, ours, theirs []step) {
	t.Helper()
	base := filepath.Join(dir, "base.toml")
	declared(t, base, 1)
	for i, b := range []struct {
		name  string
		steps []step
	}{{"ours.toml", ours}, {"theirs.toml", theirs}} {
		p := filepath.Join(dir, b.name)
		copyFile(t, base, p)
		evolve(t, p, b.name, mergeT0.Add(time.Hour+time.Duration(i)*90*time.Second), int64(10+i), b.steps...)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, data)
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// spoil rewrites a version: replace old with new in its bytes.
func spoil(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s has no %q", path, old)
	}
	writeFile(t, path, bytes.Replace(data, []byte(old), []byte(new), 1))
}

// buildMergeCase writes the three versions of the named case into dir.
func buildMergeCase(t *testing.T, name, dir string) {
	t.Helper()
	tl, comms := model.RoleRef{Role: "tech_lead"}, model.RoleRef{Role: "communications_manager"}
	switch name {
	case "entries-on-both":
		branches(t, dir,
			[]step{{"alice", model.Log{Kind: model.KindNote, Text: "rollback started"}}, {"alice", model.Log{Kind: model.KindAction, Text: "drained eu-west"}}},
			[]step{{"bob", model.Log{Kind: model.KindNote, Text: "replica lag 40s"}}, {"bob", model.Log{Kind: model.KindDecision, Text: "fail over to the secondary"}}})
	case "task-changed-and-new-task":
		declared(t, filepath.Join(dir, "probe.toml"), 1)
		id := firstTaskOf(t, filepath.Join(dir, "probe.toml"))
		_ = os.Remove(filepath.Join(dir, "probe.toml"))
		branches(t, dir,
			[]step{{"bob", model.TaskSet{Task: id, State: model.TaskInProgress}}},
			[]step{{"alice", model.TaskAdd{Title: "Page the payments team", Owner: "carol"}}})
	case "handoff-and-acceptance":
		branches(t, dir,
			[]step{{"alice", model.Handoff{Role: comms, To: "carol"}}},
			[]step{{"bob", model.Accept{Role: tl}}})
	case "title-on-one-side":
		branches(t, dir,
			[]step{{"alice", model.SetTitle{Title: "Card payments failing after deploy 142"}}},
			[]step{{"bob", model.Log{Kind: model.KindNote, Text: "replica lag 40s"}}})
	case "title-on-both":
		branches(t, dir,
			[]step{{"alice", model.SetTitle{Title: "Card payments failing after deploy 142"}}},
			[]step{{"bob", model.SetTitle{Title: "Primary database flapping"}}, {"bob", model.Log{Kind: model.KindNote, Text: "replica lag 40s"}}})
	case "added-on-both":
		// The same incident, committed on two branches that had no
		// file yet: no base.
		base := filepath.Join(dir, "base.toml")
		declared(t, base, 1)
		for i, n := range []string{"ours.toml", "theirs.toml"} {
			p := filepath.Join(dir, n)
			copyFile(t, base, p)
			evolve(t, p, n, mergeT0.Add(time.Hour+time.Duration(i)*time.Minute), int64(20+i), step{"alice", model.Log{Kind: model.KindNote, Text: "written on " + n}})
		}
		writeFile(t, base, nil)
	case "ours-empty":
		base := filepath.Join(dir, "base.toml")
		declared(t, filepath.Join(dir, "theirs.toml"), 1)
		writeFile(t, base, nil)
		writeFile(t, filepath.Join(dir, "ours.toml"), nil)
	case "corrupt-theirs":
		branches(t, dir, []step{{"alice", model.Log{Text: "ours"}}}, []step{{"bob", model.Log{Text: "theirs"}}})
		spoil(t, filepath.Join(dir, "theirs.toml"), `text = "theirs"`, `text = "theirs`)
	case "corrupt-ours":
		branches(t, dir, []step{{"alice", model.Log{Text: "ours"}}}, []step{{"bob", model.Log{Text: "theirs"}}})
		spoil(t, filepath.Join(dir, "ours.toml"), "[[timeline]]", "[[timeline]")
	case "corrupt-base":
		branches(t, dir, []step{{"alice", model.Log{Text: "ours"}}}, []step{{"bob", model.Log{Text: "theirs"}}})
		spoil(t, filepath.Join(dir, "base.toml"), "[incident]", "[incident")
	case "newer-schema":
		branches(t, dir, []step{{"alice", model.Log{Text: "ours"}}}, []step{{"bob", model.Log{Text: "theirs"}}})
		spoil(t, filepath.Join(dir, "theirs.toml"), "schema = 3", "schema = 99")
	case "different-incidents":
		branches(t, dir, []step{{"alice", model.Log{Text: "ours"}}}, nil)
		theirs := filepath.Join(dir, "theirs.toml")
		_ = os.Remove(theirs)
		evolve(t, theirs, "other", mergeT0, 99,
			step{"dana", model.Declare{Title: "Search is slow", Severity: model.Sev3, Commander: "dana"}})
	default:
		t.Fatalf("no case %q", name)
	}
}

// firstTaskOf is the id of the first task of the incident at path.
func firstTaskOf(t *testing.T, path string) string {
	t.Helper()
	s, err := store.Load(path)
	if err != nil || len(s.Tasks) == 0 {
		t.Fatalf("%s: %v", path, err)
	}
	return s.Tasks[0].ID
}
