package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/sample"
	"github.com/warroom/warroom/model/store"
)

// The goals of the issue "An incident of 100,000 entries feels like one of
// 100", measured on incidents made by `warroom demo --entries N --tasks M`
// (model/sample.Large): 100 entries and 10 tasks, 10,000 and 1,000,
// 100,000 and 1,000.
//
// With WARROOM_BENCH_BEFORE naming the binary of an earlier warroom (one
// that writes the whole file for every change), every process benchmark
// runs it too, on the same incident in the format it reads, in the same
// run: the "before" beside the "after".

var goalSizes = []struct{ entries, tasks int }{{100, 10}, {10_000, 1_000}, {100_000, 1_000}}

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

// goalBinaries are the binaries to measure: this build, and the earlier
// one when WARROOM_BENCH_BEFORE names it.
func goalBinaries() []struct{ name, path string } {
	out := []struct{ name, path string }{{"after", binPath}}
	if before := os.Getenv("WARROOM_BENCH_BEFORE"); before != "" {
		out = append(out, struct{ name, path string }{"before", before})
	}
	return out
}

// goalFile writes the incident of the given size, in the format bin
// reads, into a fresh directory.
func goalFile(b *testing.B, entries int, bin string) string {
	b.Helper()
	data := goalFiles()[entries]
	if bin != binPath {
		data = earlierFormat(data)
	}
	path := filepath.Join(b.TempDir(), "incident.toml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// runProcess runs bin with args on path, and returns its peak memory in
// MiB; it fails the benchmark unless it exits 0.
func runProcess(b *testing.B, bin, path string, args ...string) float64 {
	cmd := exec.Command(bin, append([]string{"--file", path}, args...)...)
	cmd.Dir = filepath.Dir(path)
	cmd.Env = []string{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + filepath.Dir(path), "TZ=UTC", "WARROOM_USER=bench"}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s %q: %v\n%s", bin, args, err, stderr.String())
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if ru == nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024
}

// BenchmarkGoalsCLI: one whole process of a command that changes the
// incident, at each size: log (an entry only), task add, handoff and
// status (records added and changed). It reports the peak memory of the
// process too. The floor is `warroom roles`: a process that reads no
// incident.
func BenchmarkGoalsCLI(b *testing.B) {
	goalFiles()
	b.Run("floor/roles", func(b *testing.B) {
		for b.Loop() {
			runProcess(b, binPath, filepath.Join(b.TempDir(), "none.toml"), "roles")
		}
	})
	ops := []struct {
		name string
		args func(i int) []string
	}{
		{"log", func(i int) []string { return []string{"log", fmt.Sprintf("bot alert %d: checkout p99 over 1s", i)} }},
		{"task", func(i int) []string { return []string{"task", "add", fmt.Sprintf("check replica %d", i)} }},
		{"handoff", func(i int) []string { return []string{"handoff", "scribe", []string{"kim", "lee"}[i%2]} }},
		{"status", func(i int) []string { return []string{"status", []string{"resolved", "closed"}[i%2]} }},
	}
	for _, op := range ops {
		for _, sz := range goalSizes {
			for _, bin := range goalBinaries() {
				b.Run(fmt.Sprintf("%s/%d/%s", op.name, sz.entries, bin.name), func(b *testing.B) {
					path := goalFile(b, sz.entries, bin.path)
					var peak float64
					i := 0
					for b.Loop() {
						peak = max(peak, runProcess(b, bin.path, path, op.args(i)...))
						i++
					}
					b.ReportMetric(peak, "peak-MiB")
				})
			}
		}
	}
}

// BenchmarkGoalsToScreen: how long a change takes to reach a screen that
// follows the file, from the moment the writing process exits, at each
// size. After: store.Follow reads what was appended. Before: a screen
// that, told by store.Watch that the file changed, loads it whole (what
// the screen did), with the earlier binary writing.
func BenchmarkGoalsToScreen(b *testing.B) {
	goalFiles()
	for _, sz := range goalSizes {
		for _, bin := range goalBinaries() {
			b.Run(fmt.Sprintf("%d/%s", sz.entries, bin.name), func(b *testing.B) {
				path := goalFile(b, sz.entries, bin.path)
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				seen := followForBench(b, ctx, path, bin.path == binPath)
				var total time.Duration
				i := 0
				for b.Loop() {
					text := fmt.Sprintf("reaches the screen %d", i)
					i++
					runProcess(b, bin.path, path, "log", text)
					exited := time.Now()
					for {
						got := <-seen
						if got == text {
							break
						}
					}
					total += time.Since(exited)
				}
				b.ReportMetric(float64(total.Microseconds())/float64(b.N)/1000, "ms-after-exit")
			})
		}
	}
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

// BenchmarkGoalsRead: what a screen must read before it draws its first
// frame, and the peak memory of a process that reads the whole incident
// (warroom show). After: the head and the latest 200 entries
// (Reader.First); before: the whole file (store.Load of the earlier
// format, as the screen did).
func BenchmarkGoalsRead(b *testing.B) {
	goalFiles()
	for _, sz := range goalSizes {
		b.Run(fmt.Sprintf("first-frame/%d/after", sz.entries), func(b *testing.B) {
			path := goalFile(b, sz.entries, binPath)
			if _, err := store.NewReader(path).First(200); err != nil { // the head cache, as after any change
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := store.NewReader(path).First(200); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("first-frame/%d/before", sz.entries), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "incident.toml")
			if err := os.WriteFile(path, earlierFormat(goalFiles()[sz.entries]), 0o644); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := store.Load(path); err != nil {
					b.Fatal(err)
				}
			}
		})
		for _, bin := range goalBinaries() {
			b.Run(fmt.Sprintf("show/%d/%s", sz.entries, bin.name), func(b *testing.B) {
				path := goalFile(b, sz.entries, bin.path)
				var peak float64
				for b.Loop() {
					peak = max(peak, runProcess(b, bin.path, path, "show", "--entries", "20"))
				}
				b.ReportMetric(peak, "peak-MiB")
			})
		}
	}
}

var _ = strings.TrimSpace
