package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/sample"
	"github.com/warroom/warroom/model/store"
)

// The goals of the issue "An incident of 100,000 entries feels like one of
// 100", measured on incidents made as `warroom demo --entries N --tasks M`
// makes them (model/sample.Large): 100 entries and 10 tasks, 10,000 and
// 1,000, 100,000 and 1,000. Each iteration measures every size in turn,
// so that the ratios between them come from one run under the same load
// (the machine is shared); the figures are reported as metrics, the
// ns/op of the whole iteration means nothing.
//
// With WARROOM_BENCH_BEFORE naming the binary of an earlier warroom (one
// that writes the whole file for every change), each iteration runs it
// too, on the same incidents in the format it reads: "before" beside
// "after".
//
//	WARROOM_BENCH_BEFORE=/tmp/warroom-before go test ./cmd/warroom -run '^$' -bench Goals -benchtime 3x

var goalSizes = []struct {
	name           string
	entries, tasks int
}{{"100", 100, 10}, {"10k", 10_000, 1_000}, {"100k", 100_000, 1_000}}

// goalFiles are the incidents of goalSizes, encoded, built once.
var goalFiles = sync.OnceValue(func() map[int][]byte {
	out := map[int][]byte{}
	end := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	for _, sz := range goalSizes {
		s, err := sample.Large(model.DefaultCatalog(), end, &model.SeqIDs{}, sz.entries, sz.tasks)
		if err != nil {
			panic(err)
		}
		data, err := store.Encode(s)
		if err != nil {
			panic(err)
		}
		out[sz.entries] = data
	}
	return out
})

// earlierFormat is a checkpoint as earlier builds wrote the file: schema 1,
// without the checkpoint table and the sum line. It is otherwise the same.
func earlierFormat(data []byte) []byte {
	data = regexp.MustCompile(`(?m)^schema = \d+\n`).ReplaceAll(data, []byte("schema = 1\n"))
	data = regexp.MustCompile(`\n\[checkpoint\]\n(?:[a-z]+ = \d+\n)+`).ReplaceAll(data, nil)
	return regexp.MustCompile(`(?m)^sum = "[0-9a-f]{8}"\n`).ReplaceAll(data, nil)
}

// goalBin is a binary to measure: this build, or the earlier one.
type goalBin struct{ name, path string }

func goalBinaries() []goalBin {
	out := []goalBin{{"", binPath}}
	if before := os.Getenv("WARROOM_BENCH_BEFORE"); before != "" {
		out = append(out, goalBin{"before-", before})
	}
	return out
}

// goalFile writes the incident of the given size, in the format bin
// reads, into dir.
func goalFile(b *testing.B, dir string, entries int, bin goalBin) string {
	b.Helper()
	data := goalFiles()[entries]
	if bin.path != binPath {
		data = earlierFormat(data)
	}
	path := filepath.Join(dir, fmt.Sprintf("%s%d.toml", bin.name, entries))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// timeProcess runs bin with args on path and returns how long it took; it
// fails the benchmark unless the process exits 0.
func timeProcess(b *testing.B, bin, path string, args ...string) time.Duration {
	cmd := exec.Command(bin, append([]string{"--file", path}, args...)...)
	cmd.Dir = filepath.Dir(path)
	cmd.Env = []string{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + filepath.Dir(path), "TZ=UTC", "WARROOM_USER=bench"}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s %q: %v\n%s", bin, args, err, stderr.String())
	}
	return time.Since(start)
}

// peakMiB runs bin with args on path under /usr/bin/time and returns its
// peak resident memory in MiB (0 when /usr/bin/time is missing). A child
// of the benchmark itself would count the benchmark's own memory.
func peakMiB(b *testing.B, bin, path string, args ...string) float64 {
	if _, err := os.Stat("/usr/bin/time"); err != nil {
		return 0
	}
	cmd := exec.Command("/usr/bin/time", append([]string{"-f", "%M", bin, "--file", path}, args...)...)
	cmd.Dir = filepath.Dir(path)
	cmd.Env = []string{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + filepath.Dir(path), "TZ=UTC", "WARROOM_USER=bench"}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s %q: %v\n%s", bin, args, err, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	kib, err := strconv.ParseFloat(lines[len(lines)-1], 64)
	if err != nil {
		b.Fatalf("/usr/bin/time said %q", stderr.String())
	}
	return kib / 1024
}

// metrics accumulates durations per name and reports their means in ms.
type metrics map[string]time.Duration

func (m metrics) report(b *testing.B) {
	for name, d := range m {
		b.ReportMetric(float64(d.Microseconds())/1000/float64(b.N), name+"-ms")
	}
}

// ratio reports num/den of two accumulated durations.
func (m metrics) ratio(b *testing.B, name, num, den string) {
	if m[den] > 0 {
		b.ReportMetric(float64(m[num])/float64(m[den]), name)
	}
}

// BenchmarkGoalsCLI: one whole process of a command that changes the
// incident, at each size: log (an entry only: decisions, theories and CAN
// reports are the same), customers and update (entries only, and the
// command prints a summary of entries of their kind: the counts so far,
// when the next update is due), task add (a record added), handoff and
// status (records changed in place). The floor is `warroom roles`, a process that
// reads no incident. The peak memory of each command at 100k is reported
// once, from its last run.
func BenchmarkGoalsCLI(b *testing.B) {
	goalFiles()
	ops := []struct {
		name string
		args func(i int) []string
	}{
		{"log", func(i int) []string { return []string{"log", fmt.Sprintf("bot alert %d: checkout p99 over 1s", i)} }},
		{"customers", func(int) []string { return []string{"customers", "+3"} }},
		{"update", func(i int) []string { return []string{"update", "--audience", "internal", fmt.Sprintf("update %d", i)} }},
		{"task", func(i int) []string { return []string{"task", "add", fmt.Sprintf("check replica %d", i)} }},
		{"handoff", func(i int) []string { return []string{"handoff", "scribe", []string{"kim", "lee"}[i%2]} }},
		{"status", func(i int) []string { return []string{"status", []string{"resolved", "closed"}[i%2]} }},
	}
	for _, op := range ops {
		b.Run(op.name, func(b *testing.B) {
			dir := b.TempDir()
			files := map[string]string{}
			for _, bin := range goalBinaries() {
				for _, sz := range goalSizes {
					files[bin.name+sz.name] = goalFile(b, dir, sz.entries, bin)
				}
			}
			// One run of the command first, as a running incident has
			// had: it reads a file this build did not write yet, and
			// keeps its head (and what the command summarises).
			timeProcess(b, binPath, filepath.Join(dir, "none.toml"), "roles")
			for _, bin := range goalBinaries() {
				for _, sz := range goalSizes {
					timeProcess(b, bin.path, files[bin.name+sz.name], op.args(1)...)
				}
			}
			m := metrics{}
			i := 0
			for b.Loop() {
				m["floor"] += timeProcess(b, binPath, filepath.Join(dir, "none.toml"), "roles")
				for _, bin := range goalBinaries() {
					for _, sz := range goalSizes {
						m[bin.name+sz.name] += timeProcess(b, bin.path, files[bin.name+sz.name], op.args(i)...)
					}
				}
				i++
			}
			m.report(b)
			m.ratio(b, "100k/100", "100k", "100")
			m.ratio(b, "100/floor", "100", "floor")
			m.ratio(b, "before-100k/100k", "before-100k", "100k")
			for _, bin := range goalBinaries() {
				b.ReportMetric(peakMiB(b, bin.path, files[bin.name+"100k"], op.args(i)...), bin.name+"100k-peak-MiB")
			}
		})
	}
}

// BenchmarkGoalsToScreen: how long a change takes to reach a screen that
// follows the file, from the moment the process that wrote it exits. After:
// store.Follow reads what was appended. Before: a screen told by
// store.Watch that the file changed loads it whole (what the screen did),
// with the earlier binary writing.
func BenchmarkGoalsToScreen(b *testing.B) {
	goalFiles()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := b.TempDir()
	type follower struct {
		path string
		bin  goalBin
		seen <-chan string
	}
	var fs []follower
	for _, bin := range goalBinaries() {
		for _, sz := range goalSizes {
			path := goalFile(b, b.TempDir(), sz.entries, bin)
			timeProcess(b, bin.path, path, "log", "warm-up")
			fs = append(fs, follower{path, bin, followForBench(b, ctx, path, bin.path == binPath)})
		}
	}
	_ = dir
	m := metrics{}
	i := 0
	for b.Loop() {
		for k, f := range fs {
			text := fmt.Sprintf("reaches the screen %d", i)
			timeProcess(b, f.bin.path, f.path, "log", text)
			exited := time.Now()
			for got := range f.seen {
				if got == text {
					break
				}
			}
			m[f.bin.name+goalSizes[k%len(goalSizes)].name] += time.Since(exited)
		}
		i++
	}
	m.report(b)
	m.ratio(b, "100k/100", "100k", "100")
}

// followForBench follows path as a screen would and sends the text of the
// last entry after each read.
func followForBench(b *testing.B, ctx context.Context, path string, appends bool) <-chan string {
	out := make(chan string, 64)
	if appends {
		ch, err := store.Follow(ctx, path, store.FollowOptions{})
		if err != nil {
			b.Fatal(err)
		}
		<-ch // the first read
		go func() {
			for f := range ch {
				if n := len(f.Entries); n > 0 {
					out <- f.Entries[n-1].Text
				}
			}
		}()
		return out
	}
	changes, err := store.Watch(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	go func() {
		for range changes {
			if s, err := store.Load(path); err == nil {
				if e, ok := s.LastEntry(); ok {
					out <- e.Text
				}
			}
		}
	}()
	return out
}

// BenchmarkGoalsFirstFrame: what a screen reads before it can draw its
// first frame. After: the head and the latest 200 entries
// (Reader.First), the rest loading after; then the whole (Reader.Whole).
// Before: the whole file, as the screen did (store.Load of the earlier
// format decodes it as the earlier build did).
func BenchmarkGoalsFirstFrame(b *testing.B) {
	goalFiles()
	dir := b.TempDir()
	after, before := map[string]string{}, map[string]string{}
	for _, sz := range goalSizes {
		after[sz.name] = goalFile(b, dir, sz.entries, goalBin{"", binPath})
		before[sz.name] = filepath.Join(dir, "before-"+sz.name+".toml")
		if err := os.WriteFile(before[sz.name], earlierFormat(goalFiles()[sz.entries]), 0o644); err != nil {
			b.Fatal(err)
		}
		if _, err := store.NewReader(after[sz.name]).First(200); err != nil { // the head cache, as after any change
			b.Fatal(err)
		}
	}
	m := metrics{}
	for b.Loop() {
		for _, sz := range goalSizes {
			start := time.Now()
			r := store.NewReader(after[sz.name])
			if _, err := r.First(200); err != nil {
				b.Fatal(err)
			}
			m[sz.name] += time.Since(start)
			start = time.Now()
			if _, err := r.Whole(); err != nil {
				b.Fatal(err)
			}
			m["whole-"+sz.name] += time.Since(start)
			start = time.Now()
			if _, err := store.Load(before[sz.name]); err != nil {
				b.Fatal(err)
			}
			m["before-"+sz.name] += time.Since(start)
		}
	}
	m.report(b)
	m.ratio(b, "100k/100", "100k", "100")
}

// BenchmarkGoalsRead: the peak memory of a process that reads the whole
// incident (warroom show) at 100k, and how long it takes.
func BenchmarkGoalsRead(b *testing.B) {
	goalFiles()
	dir := b.TempDir()
	m := metrics{}
	files := map[string]string{}
	for _, bin := range goalBinaries() {
		files[bin.name] = goalFile(b, dir, 100_000, bin)
	}
	for b.Loop() {
		for _, bin := range goalBinaries() {
			m[bin.name+"show-100k"] += timeProcess(b, bin.path, files[bin.name], "show", "--entries", "20")
		}
	}
	m.report(b)
	for _, bin := range goalBinaries() {
		b.ReportMetric(peakMiB(b, bin.path, files[bin.name], "show", "--entries", "20"), bin.name+"show-100k-peak-MiB")
	}
}
