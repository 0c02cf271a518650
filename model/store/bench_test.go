package store_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// benchIncident is a large incident, 10,000 timeline entries and 1,000
// tasks, and its file, built once for all benchmarks.
var benchIncident = sync.OnceValues(func() (model.State, []byte) {
	s, err := bigState(10_000, 1_000)
	if err != nil {
		panic(err)
	}
	data, err := store.Encode(s)
	if err != nil {
		panic(err)
	}
	return s, data
})

// benchFile writes the large incident into a fresh directory.
func benchFile(b *testing.B) (string, []byte) {
	b.Helper()
	_, data := benchIncident()
	path := filepath.Join(b.TempDir(), "warroom.toml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	return path, data
}

// BenchmarkApplyLog: one entry applied to the large state, in memory.
func BenchmarkApplyLog(b *testing.B) {
	s, _ := benchIncident()
	c := model.DefaultCatalog()
	env := model.Env{Now: t0, Actor: "alice", IDs: model.RandomIDs{}}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := s.Apply(c, model.Log{Text: "one more entry"}, env); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad: read and check the large file.
func BenchmarkLoad(b *testing.B) {
	path, data := benchFile(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := store.Load(path); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSave: encode the large state and replace the file with it
// (temp file, fsync, rename, fsync of the directory).
func BenchmarkSave(b *testing.B) {
	path, data := benchFile(b)
	s, _ := benchIncident()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		out, err := store.Encode(s)
		if err != nil {
			b.Fatal(err)
		}
		if err := store.WriteAtomic(path, out, 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUpdateAppend: Update, which reads and writes the whole file
// (lock, load, apply, save): what every change cost before appends, and
// what a sync that merges still costs.
func BenchmarkUpdateAppend(b *testing.B) {
	path, data := benchFile(b)
	change := appendLog("alice", "one more entry")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := store.Update(context.Background(), path, false, change); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTomlDecode: the TOML library alone decoding the large file,
// the floor for Load.
func BenchmarkTomlDecode(b *testing.B) {
	_, data := benchIncident()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var s model.State
		if _, err := toml.Decode(string(data), &s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTomlEncode: the TOML library alone encoding the large state,
// the floor for Save.
func BenchmarkTomlEncode(b *testing.B) {
	s, data := benchIncident()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if err := toml.NewEncoder(io.Discard).Encode(s); err != nil {
			b.Fatal(err)
		}
	}
}

// logOp is the change the append benchmarks make.
func logOp(s model.State) (model.State, error) {
	next, _, err := s.Apply(model.DefaultCatalog(), model.Log{Text: "one more entry"},
		model.Env{Now: t0, Actor: "alice", IDs: model.RandomIDs{}})
	return next, err
}

// BenchmarkUpdateWithAppend: one entry appended as the command line does
// (lock, the head and what follows the checkpoint, apply, one write and
// fsync), on the large incident. Its floor is BenchmarkAppendFloor.
func BenchmarkUpdateWithAppend(b *testing.B) {
	path, _ := benchFile(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := store.UpdateWith(context.Background(), path, store.UpdateOptions{}, logOp); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAppendFloor: an append's own cost: open the file, write a
// commit's worth of bytes with O_APPEND, fsync.
func BenchmarkAppendFloor(b *testing.B) {
	path, _ := benchFile(b)
	block := make([]byte, 300)
	for b.Loop() {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := f.Write(block); err != nil {
			b.Fatal(err)
		}
		if err := f.Sync(); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}

// BenchmarkWriterSave: one change on a screen, from Submit to its result,
// once the Writer holds the large incident (its first save reads it all).
func BenchmarkWriterSave(b *testing.B) {
	path, _ := benchFile(b)
	w := store.NewWriter(path, nil)
	defer w.Close(context.Background())
	save := func() {
		w.Submit(store.Change{Op: model.Log{Text: "typed"}, Env: model.Env{Now: t0, Actor: "alice", IDs: model.RandomIDs{}}})
		if r := <-w.Results(); r.Err != nil || len(r.Committed) != 1 {
			b.Fatalf("save: %+v", r)
		}
	}
	save()
	for b.Loop() {
		save()
	}
}

// BenchmarkReaderNext: what a screen reads after another process appended
// an entry to the large incident: only the new bytes.
func BenchmarkReaderNext(b *testing.B) {
	path, _ := benchFile(b)
	r := store.NewReader(path)
	if _, err := r.Whole(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		if _, err := store.UpdateWith(context.Background(), path, store.UpdateOptions{}, logOp); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		snap, err := r.Next()
		if err != nil || snap.Reset || len(snap.Entries) != 1 {
			b.Fatalf("next: %d entries, reset %v, %v", len(snap.Entries), snap.Reset, err)
		}
	}
}

// BenchmarkMemoryPerEntry: what an incident of 100,000 entries and 1,000
// tasks holds in memory once read whole (Load), after the garbage of the
// read is collected: held-MiB in all, held-B/entry an entry.
func BenchmarkMemoryPerEntry(b *testing.B) {
	s, err := bigState(100_000, 1_000)
	if err != nil {
		b.Fatal(err)
	}
	data, err := store.Encode(s)
	if err != nil {
		b.Fatal(err)
	}
	s = model.State{}
	path := filepath.Join(b.TempDir(), "warroom.toml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	var held uint64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		got, err := store.Load(path)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		held = after.HeapAlloc - before.HeapAlloc
		runtime.KeepAlive(got)
	}
	b.ReportMetric(float64(held)/(1<<20), "held-MiB")
	b.ReportMetric(float64(held)/100_000, "held-B/entry")
}

// BenchmarkCheckpoint: one change written as a new checkpoint (what
// follows the checkpoint is past its bound), on the large incident: the
// new head, then the entries' bytes copied as they are, write, fsync,
// rename, fsync of the folder. Its floor is BenchmarkSave, which encodes
// the whole incident.
func BenchmarkCheckpoint(b *testing.B) {
	defer store.SetLimits(0, 1, 1)()
	path, _ := benchFile(b)
	for b.Loop() {
		out, err := store.UpdateWith(context.Background(), path, store.UpdateOptions{}, logOp)
		if err != nil || out.Appended {
			b.Fatalf("appended %v, %v", out.Appended, err)
		}
	}
}

// benchMarked is the large incident in a file, with its mark and stamp as
// a sync keeps them.
func benchMarked(b *testing.B) (string, store.Mark, store.Stamp) {
	path, _ := benchFile(b)
	c, st, err := store.Mirror(context.Background(), path, func(store.Copy) (*store.Copy, error) { return nil, nil })
	m, ok := c.Mark()
	if err != nil || !ok {
		b.Fatalf("mark: %v %v", ok, err)
	}
	return path, m, st
}

// BenchmarkLook: what a sync reads of the local file after one entry was
// appended to it since the last sync: the ends at the mark, the commit
// after it, the head as of the mark.
func BenchmarkLook(b *testing.B) {
	path, m, st := benchMarked(b)
	if _, err := store.UpdateWith(context.Background(), path, store.UpdateOptions{}, logOp); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		got, err := store.Look(path, m, st)
		if err != nil || len(got.Entries) != 1 {
			b.Fatalf("look: %d entries, %v", len(got.Entries), err)
		}
	}
}

// BenchmarkExtend: a commit of one entry, copied from another copy of the
// large incident, checked and appended (as a sync brings in what a
// warroom on the remote host appended).
func BenchmarkExtend(b *testing.B) {
	path, m, st := benchMarked(b)
	data, _ := os.ReadFile(path)
	other := filepath.Join(b.TempDir(), "other.toml")
	if err := os.WriteFile(other, data, 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		if _, err := store.UpdateWith(context.Background(), other, store.UpdateOptions{}, logOp); err != nil {
			b.Fatal(err)
		}
		od, _ := os.ReadFile(other)
		b.StartTimer()
		got, err := store.Extend(context.Background(), path, m, st, od[m.End:])
		if err != nil || len(got.Entries) != 1 {
			b.Fatalf("extend: %v", err)
		}
		m, st = got.Mark, got.Stamp
	}
}

// largeIncidents are incidents of 100,000 entries, their files built once:
// one with 1,000 tasks (its head is cached beside it), one with 10 (its
// head is too small to be).
var largeIncidents = map[string]func() []byte{
	"1000tasks": sync.OnceValue(func() []byte { return encodedBig(100_000, 1_000) }),
	"10tasks":   sync.OnceValue(func() []byte { return encodedBig(100_000, 10) }),
}

func encodedBig(entries, tasks int) []byte {
	s, err := bigState(entries, tasks)
	if err != nil {
		panic(err)
	}
	data, err := store.Encode(s)
	if err != nil {
		panic(err)
	}
	return data
}

// BenchmarkAppendAt100k: BenchmarkUpdateWithAppend on incidents of
// 100,000 entries: an append must cost what it costs at 10,000, its floor
// BenchmarkAppendFloor, whatever the length of the timeline.
func BenchmarkAppendAt100k(b *testing.B) {
	for _, name := range []string{"1000tasks", "10tasks"} {
		b.Run(name, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "warroom.toml")
			if err := os.WriteFile(path, largeIncidents[name](), 0o644); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				out, err := store.UpdateWith(context.Background(), path, store.UpdateOptions{}, logOp)
				if err != nil || !out.Appended {
					b.Fatalf("appended %v, %v", out.Appended, err)
				}
			}
		})
	}
}
