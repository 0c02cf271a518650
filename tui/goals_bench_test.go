package tui

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
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
func largeFile(b testing.TB, n, t int) string {
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
func screenOn(b testing.TB, ctx context.Context, path string) (*Model, <-chan store.Followed, bool) {
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

// BenchmarkKeyEcho: keys pressed every 10 ms on a screen of 10,000
// entries go through one event loop, as in a program, first with nothing
// else happening, then while a bot appends an entry every 50 ms from a
// process of its own (this test binary, run as the bot), whose reads the
// screen takes as they come: how long from a key to its frame, p50 and
// p99 of each, their ratios (every iteration measures both, so that
// they share the machine's load), and the CPU the bot's process took,
// in per cent of one core.
func BenchmarkKeyEcho(b *testing.B) {
	path := largeFile(b, 10_000, 1_000)
	var idle, busy []time.Duration
	var botCPU, botWall time.Duration
	for b.Loop() {
		idle = append(idle, keyEcho(b, path, false, nil)...)
		busy = append(busy, keyEcho(b, path, true, func(cpu, wall time.Duration) { botCPU, botWall = botCPU+cpu, botWall+wall })...)
	}
	slices.Sort(idle)
	slices.Sort(busy)
	p := func(l []time.Duration, q int) float64 { return float64(l[len(l)*q/100].Microseconds()) / 1000 }
	b.ReportMetric(p(idle, 50), "idle-p50-ms")
	b.ReportMetric(p(idle, 99), "idle-p99-ms")
	b.ReportMetric(p(busy, 50), "bot-p50-ms")
	b.ReportMetric(p(busy, 99), "bot-p99-ms")
	b.ReportMetric(p(busy, 50)/p(idle, 50), "p50-bot/idle")
	b.ReportMetric(p(busy, 99)/p(idle, 99), "p99-bot/idle")
	b.ReportMetric(100*float64(botCPU)/float64(botWall), "bot-%core")
}

// keyEcho opens a screen on path, presses 200 keys 10 ms apart and
// returns how long each took to its frame; with bot, while a bot's
// process appends, whose CPU and lifetime go to took.
func keyEcho(b *testing.B, path string, bot bool, took func(cpu, wall time.Duration)) []time.Duration {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	m, ch, partial := screenOn(b, ctx, path)
	whole(m, ch, partial)
	type event struct {
		msg tea.Msg
		at  time.Time
	}
	loop := make(chan event, 256)
	// The reads of the file come as the program gets them: by the
	// command the screen returns for the next one.
	var follow func(tea.Cmd)
	follow = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		go func() {
			switch msg := cmd().(type) {
			case tea.BatchMsg:
				for _, c := range msg {
					follow(c)
				}
			case preparedMsg, followedMsg:
				loop <- event{msg, time.Now()}
			}
		}()
	}
	follow(m.nextFollow())
	var stop func()
	if bot {
		stop = startBot(b, path, took)
		time.Sleep(100 * time.Millisecond) // its first appends
	}
	go func() { // the keys: move through the panes and lists
		keys := []string{"j", "k", "tab", "right", "j", "left"}
		for i := 0; i < 200; i++ {
			loop <- event{keyMsg(keys[i%len(keys)]), time.Now()}
			time.Sleep(10 * time.Millisecond)
		}
		loop <- event{}
	}()
	var lat []time.Duration
	for e := range loop {
		if e.msg == nil {
			break
		}
		_, cmd := m.Update(e.msg)
		_ = m.View()
		switch e.msg.(type) {
		case tea.KeyMsg:
			lat = append(lat, time.Since(e.at))
		case preparedMsg, followedMsg:
			follow(cmd)
		}
	}
	if stop != nil {
		stop()
	}
	return lat
}

// botEnv, when set in this test binary's environment, makes it the bot
// of BenchmarkKeyEcho: it appends an entry to the file it names every 50
// ms until its standard input closes.
const botEnv = "WARROOM_TEST_BOT"

// startBot runs this test binary as a bot appending to path; stop ends it
// and hands took the CPU it took and how long it ran.
func startBot(b *testing.B, path string, took func(cpu, wall time.Duration)) (stop func()) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), botEnv+"="+path)
	in, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	return func() {
		_ = in.Close()
		if err := cmd.Wait(); err != nil {
			b.Fatalf("the bot: %v\n%s", err, out.String())
		}
		u := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		took(u, time.Since(start))
	}
}

// runBot is the bot: an entry every 50 ms, as a monitoring bot logs its
// alerts, until standard input closes.
func runBot(path string) int {
	stop := make(chan struct{})
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		close(stop)
	}()
	c := model.DefaultCatalog()
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for n := 0; ; n++ {
		select {
		case <-stop:
			return 0
		case <-t.C:
		}
		if err := appendLog(context.Background(), c, path, fmt.Sprintf("alert %d", n)); err != nil {
			fmt.Fprintln(os.Stderr, "bot:", err)
			return 1
		}
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
