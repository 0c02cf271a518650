package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/sample"
	"github.com/warroom/warroom/model/store"
)

// The screen's part of the goals of the issue "An incident of 100,000
// entries feels like one of 100", on incidents made as `warroom demo
// --entries N` makes them: the first frame, a change reaching the screen,
// what a screen holds in memory, and how quickly a key is answered while
// a bot appends.

var screenSizes = []struct {
	name           string
	entries, tasks int
}{{"100", 100, 10}, {"10k", 10_000, 1_000}, {"100k", 100_000, 1_000}}

// largeFile writes an incident of n entries and t tasks, as the store
// writes it.
func largeFile(b *testing.B, n, t int) string {
	b.Helper()
	s, err := sample.Large(model.DefaultCatalog(), time.Now().Add(-time.Hour), &model.SeqIDs{}, n, t)
	if err != nil {
		b.Fatal(err)
	}
	data, err := store.Encode(s)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "incident.toml")
	if err := store.WriteAtomic(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// screenOn opens a screen on path as Run does, without a terminal: it
// follows the file, draws its first frame at 120×40, and returns it with
// the follow channel and whether older history is still to come.
func screenOn(b *testing.B, ctx context.Context, path string) (*Model, <-chan store.Followed, bool) {
	b.Helper()
	ch, err := store.Follow(ctx, path, store.FollowOptions{Recent: firstEntries})
	if err != nil {
		b.Fatal(err)
	}
	first := <-ch
	if first.Err != nil {
		b.Fatal(first.Err)
	}
	m := New(Options{Path: path, Actor: "alice", Styles: asciiStyles(), Follow: ch, Loading: first.Partial, Saver: &fakeSaver{}},
		first.Apply(model.State{}))
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	_ = m.View()
	return m, ch, first.Partial
}

// whole takes the rest of the history, when there is any to come.
func whole(m *Model, ch <-chan store.Followed, partial bool) {
	if partial {
		take(m, <-ch)
	}
}

// take hands the screen one read of the followed file, as its program
// does, and draws it.
func take(m *Model, f store.Followed) string {
	m.Update(followedMsg(f))
	return m.View()
}

// BenchmarkScreenFirstFrame: from nothing to the first frame drawn — the
// head and the latest entries read, the screen built, drawn — and then the
// rest of the history read and taken, behind it.
func BenchmarkScreenFirstFrame(b *testing.B) {
	paths := map[string]string{}
	for _, sz := range screenSizes {
		paths[sz.name] = largeFile(b, sz.entries, sz.tasks)
	}
	first, rest := map[string]time.Duration{}, map[string]time.Duration{}
	for b.Loop() {
		for _, sz := range screenSizes {
			ctx, cancel := context.WithCancel(context.Background())
			start := time.Now()
			m, ch, partial := screenOn(b, ctx, paths[sz.name])
			first[sz.name] += time.Since(start)
			start = time.Now()
			whole(m, ch, partial)
			rest[sz.name] += time.Since(start)
			cancel()
		}
	}
	for _, sz := range screenSizes {
		b.ReportMetric(float64(first[sz.name].Microseconds())/1000/float64(b.N), "first-"+sz.name+"-ms")
		b.ReportMetric(float64(rest[sz.name].Microseconds())/1000/float64(b.N), "rest-"+sz.name+"-ms")
	}
	b.ReportMetric(float64(first["100k"])/float64(first["100"]), "first-100k/100")
}

// BenchmarkScreenChange: a change written to the file (a transaction, as
// the command line makes it) until the screen following the file has
// taken it and drawn it.
func BenchmarkScreenChange(b *testing.B) {
	type screen struct {
		path string
		m    *Model
		ch   <-chan store.Followed
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var screens []screen
	for _, sz := range screenSizes {
		path := largeFile(b, sz.entries, sz.tasks)
		m, ch, partial := screenOn(b, ctx, path)
		whole(m, ch, partial)
		screens = append(screens, screen{path, m, ch})
	}
	c := model.DefaultCatalog()
	sums := make([]time.Duration, len(screens))
	i := 0
	for b.Loop() {
		for k, s := range screens {
			text := fmt.Sprintf("reaches the screen %d", i)
			if err := appendLog(ctx, c, s.path, text); err != nil {
				b.Fatal(err)
			}
			written := time.Now()
			for f := range s.ch {
				if strings.Contains(take(s.m, f), text) {
					break
				}
			}
			sums[k] += time.Since(written)
		}
		i++
	}
	for k, sz := range screenSizes {
		b.ReportMetric(float64(sums[k].Microseconds())/1000/float64(b.N), sz.name+"-ms")
	}
	b.ReportMetric(float64(sums[2])/float64(sums[0]), "100k/100")
}

// BenchmarkScreenMemory: the heap a screen holds once it shows the whole
// of an incident of 100,000 entries, and per entry.
func BenchmarkScreenMemory(b *testing.B) {
	path := largeFile(b, 100_000, 1_000)
	for b.Loop() {
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		ctx, cancel := context.WithCancel(context.Background())
		m, ch, partial := screenOn(b, ctx, path)
		whole(m, ch, partial)
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapInuse-before.HeapInuse)/(1<<20), "MB")
		b.ReportMetric(float64(after.HeapInuse-before.HeapInuse)/100_000, "B/entry")
		runtime.KeepAlive(m)
		cancel()
	}
}

// BenchmarkKeyEcho: keys pressed every 10 ms on a screen of 10,000 entries
// go through one event loop, as in a program, with the reads of a bot's
// changes (one every 50 ms) or without: how long from a key to its frame,
// p50 and p99.
func BenchmarkKeyEcho(b *testing.B) {
	path := largeFile(b, 10_000, 1_000)
	c := model.DefaultCatalog()
	for _, bot := range []bool{false, true} {
		b.Run(fmt.Sprintf("bot=%v", bot), func(b *testing.B) {
			var lat []time.Duration
			for b.Loop() {
				ctx, cancel := context.WithCancel(context.Background())
				m, ch, partial := screenOn(b, ctx, path)
				whole(m, ch, partial)
				type event struct {
					msg tea.Msg
					at  time.Time
				}
				loop := make(chan event, 256)
				stop := make(chan struct{})
				go func() { // the reads of the file, as the program gets them
					for f := range ch {
						loop <- event{followedMsg(f), time.Now()}
					}
				}()
				if bot {
					go func() {
						t := time.NewTicker(50 * time.Millisecond)
						defer t.Stop()
						for n := 0; ; n++ {
							select {
							case <-stop:
								return
							case <-t.C:
							}
							_ = appendLog(ctx, c, path, fmt.Sprintf("alert %d", n))
						}
					}()
				}
				go func() { // the keys: move through the panes and lists
					keys := []string{"j", "k", "tab", "right", "j", "left"}
					for i := 0; i < 200; i++ {
						loop <- event{keyMsg(keys[i%len(keys)]), time.Now()}
						time.Sleep(10 * time.Millisecond)
					}
					close(stop)
					loop <- event{}
				}()
				for e := range loop {
					if e.msg == nil {
						break
					}
					m.Update(e.msg)
					_ = m.View()
					if _, ok := e.msg.(tea.KeyMsg); ok {
						lat = append(lat, time.Since(e.at))
					}
				}
				cancel()
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}

// appendLog logs text as the command line does: one transaction that
// reads what the change needs and appends it.
func appendLog(ctx context.Context, c *model.Catalog, path, text string) error {
	op := model.Log{Text: text}
	_, err := store.UpdateWith(ctx, path, store.UpdateOptions{Reads: model.Needs(op)}, func(st model.State) (model.State, error) {
		next, _, err := st.Apply(c, op, model.Env{Now: time.Now().UTC(), Actor: "bot", IDs: model.RandomIDs{}})
		return next, err
	})
	return err
}
