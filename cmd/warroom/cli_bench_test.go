package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

const (
	benchEntries = 10_000 // timeline entries in the benchmark incident
	benchTasks   = 1_000
)

// bigIncident is the encoded benchmark incident, built once.
var bigIncident = sync.OnceValues(buildBigIncident)

// buildBigIncident builds, through the model, an incident with
// benchEntries timeline entries (the declaration, one per task added, and
// notes of every kind for the rest) and benchTasks tasks, and encodes it.
func buildBigIncident() ([]byte, error) {
	cat := model.DefaultCatalog()
	start := time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)
	n := 0
	env := func() model.Env {
		n++
		return model.Env{Now: start.Add(time.Duration(n) * time.Second), Actor: "alice", Replica: "bench", IDs: model.RandomIDs{}}
	}
	s, _, err := model.State{}.Apply(cat, model.Declare{Title: "Checkout API returning 500s", Severity: model.Sev1}, env())
	if err != nil {
		return nil, err
	}
	for _, op := range []model.Op{
		model.Handoff{Role: model.RoleRef{Role: "tech_lead", Workstream: "database"}, To: "bob", Note: "primary is flapping"},
		model.Handoff{Role: model.RoleRef{Role: "tech_lead", Workstream: "network"}, To: "carol"},
	} {
		if s, _, err = s.Apply(cat, op, env()); err != nil {
			return nil, err
		}
	}
	roles := []model.RoleRef{{Role: "tech_lead", Workstream: "database"}, {Role: "tech_lead", Workstream: "network"}, {}}
	for i := range benchTasks {
		op := model.TaskAdd{Title: fmt.Sprintf("Task %d: check replica %d and roll back if lagging", i, i), Role: roles[i%len(roles)]}
		if s, _, err = s.Apply(cat, op, env()); err != nil {
			return nil, err
		}
	}
	// Apply copies the timeline on every change; to keep the set-up fast,
	// draw the remaining entries from a state with an empty timeline and
	// append them.
	timeline := s.Timeline
	empty := s
	empty.Timeline = nil
	for len(timeline) < benchEntries {
		i := len(timeline)
		op := model.Log{Kind: model.LogKinds[i%len(model.LogKinds)], Role: roles[i%len(roles)],
			Text: fmt.Sprintf("Entry %d: error rate %d.%d%%, replica lag %ds; watching the dashboards", i, i%7, i%10, i%60)}
		_, es, err := empty.Apply(cat, op, env())
		if err != nil {
			return nil, err
		}
		timeline = append(timeline, es...)
	}
	s.Timeline = timeline
	data, err := store.Encode(s)
	if err != nil {
		return nil, err
	}
	// What the benchmark starts from must be a file warroom reads as built.
	back, err := store.Decode("bench.toml", data)
	if err != nil {
		return nil, err
	}
	if len(back.Timeline) != benchEntries || len(back.Tasks) != benchTasks {
		return nil, fmt.Errorf("built %d entries and %d tasks, want %d and %d",
			len(back.Timeline), len(back.Tasks), benchEntries, benchTasks)
	}
	return data, nil
}

// BenchmarkCLIAppend measures one `warroom log` process, start to exit,
// appending to an incident of benchEntries entries and benchTasks tasks.
func BenchmarkCLIAppend(b *testing.B) {
	data, err := bigIncident()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	env := map[string]string{"WARROOM_FILE": filepath.Join(dir, "big.toml"), "WARROOM_USER": "bench"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if err := os.WriteFile(env["WARROOM_FILE"], data, 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := execWarroom(dir, env, "", "log", "--kind", "action", "rolled back deploy 142")
		if err != nil {
			b.Fatal(err)
		}
		if res.code != 0 {
			b.Fatalf("want exit 0:\n%s", res)
		}
	}
	b.StopTimer()
	s, err := store.Load(env["WARROOM_FILE"])
	if err != nil {
		b.Fatal(err)
	}
	if len(s.Timeline) != benchEntries+1 {
		b.Fatalf("after the last run the timeline has %d entries, want %d", len(s.Timeline), benchEntries+1)
	}
	b.ReportMetric(float64(len(data)), "file-bytes")
}
