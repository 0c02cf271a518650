package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// bigState is the sample incident grown to n timeline entries and tasks
// tasks, built directly rather than through n Apply calls.
func bigState(tb testing.TB, n, tasks int) model.State {
	tb.Helper()
	s := sampleState(tb)
	kinds := []model.Kind{model.KindNote, model.KindAction, model.KindDecision, model.KindTheory}
	roles := []string{"", "tech_lead", "communications_manager", "scribe"}
	tl := make([]model.Entry, 0, n)
	tl = append(tl, s.Timeline...)
	start := s.Incident.Declared
	for i := len(tl); i < n; i++ {
		tl = append(tl, model.Entry{
			ID: fmt.Sprintf("ebench%07d", i), At: start.Add(time.Duration(i) * time.Second), By: "bob",
			Kind: kinds[i%len(kinds)], Role: roles[i%len(roles)],
			Text: fmt.Sprintf("entry %d: replica lag back under a second on db-%d after the failover", i, i%7),
		})
	}
	ts := append([]model.Task(nil), s.Tasks...)
	for i := len(ts); i < tasks; i++ {
		state := []model.TaskState{model.TaskOpen, model.TaskInProgress, model.TaskDone}[i%3]
		ts = append(ts, model.Task{
			ID: fmt.Sprintf("tbench%05d", i), Title: fmt.Sprintf("check shard %d of the orders database", i), State: state,
			Role: roles[i%len(roles)], Created: start, CreatedBy: "alice", Updated: start,
		})
	}
	s.Timeline, s.Tasks = tl, ts
	if err := s.Check(); err != nil {
		tb.Fatal(err)
	}
	return s
}

// BenchmarkView draws the main screen at 120×40 with 1,000 tasks and a
// growing timeline. Its cost must not grow with the timeline.
func BenchmarkView(b *testing.B) {
	for _, n := range []int{100, 10_000, 100_000} {
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			m, _ := newTestModel(b, bigState(b, n, 1000), 120, 40)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				_ = m.View()
			}
		})
	}
}

// BenchmarkSetState recomputes what the screen derives from the incident
// (holdings, tasks, the timeline in time order, customer counts,
// communications) as it does once per change: each state here is the
// last plus one entry, one in eight of them backdated.
func BenchmarkSetState(b *testing.B) {
	for _, n := range []int{100, 10_000, 100_000} {
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			s := bigState(b, n, 1000)
			const k = 64
			tl := append(make([]model.Entry, 0, len(s.Timeline)+k), s.Timeline...)
			last := tl[len(tl)-1].At
			states := make([]model.State, k)
			for i := range states {
				at := last.Add(time.Duration(i+1) * time.Second)
				if i%8 == 7 {
					at = last.Add(-time.Hour)
				}
				tl = append(tl, model.Entry{ID: fmt.Sprintf("enew%05d", i), At: at, By: "bob", Kind: model.KindNote, Text: "one more"})
				states[i] = s
				states[i].Timeline = tl[:len(tl):len(tl)]
			}
			m, _ := newTestModel(b, s, 120, 40)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i%k == 0 {
					b.StopTimer()
					m.show(s, nil)
					b.StartTimer()
				}
				m.show(states[i%k], nil)
			}
		})
	}
}

// BenchmarkKeyDuringSave sends a key press through Update and View while
// a save of a 10,000-entry incident runs in the background, as it does
// when the screen saves: the key must not wait for the save.
func BenchmarkKeyDuringSave(b *testing.B) {
	s := bigState(b, 10_000, 1000)
	path := filepath.Join(b.TempDir(), "warroom.toml")
	data, err := store.Encode(s)
	if err != nil {
		b.Fatal(err)
	}
	if err := store.WriteAtomic(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	saving := make(chan struct{})
	go func() {
		defer close(saving)
		for ctx.Err() == nil {
			_, _ = store.Update(ctx, path, false, func(st model.State) (model.State, error) {
				next, _, err := st.Apply(model.DefaultCatalog(), model.Log{Text: "background save"},
					model.Env{Now: testNow, Actor: "bot", IDs: model.RandomIDs{}})
				return next, err
			})
		}
	}()
	m, _ := newTestModel(b, s, 120, 40)
	press := []string{"tab", "right", "j", "left", "shift+tab", "k"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Update(keyMsg(press[i%len(press)]))
		_ = m.View()
	}
	b.StopTimer()
	cancel()
	<-saving
}

// BenchmarkPasteIntoPrompt pastes a whole note, the longest an entry may
// be, into the note prompt as one burst without bracketed paste: every
// character goes through the prompt one by one, as typed.
func BenchmarkPasteIntoPrompt(b *testing.B) {
	text := strings.Repeat("replica lag back under a second ", model.MaxEntry/32)
	m, _ := newTestModel(b, sampleState(b), 120, 40)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Update(keyMsg("n"))
		m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text)})
		m.Update(keyMsg("esc"))
		m.Update(settleMsg{m.input.gen})
	}
}

// BenchmarkViewWithPrompt draws the main screen with the note prompt
// open, holding a word, a whole note (the longest an entry may be,
// wrapped over the prompt's lines) and what a prompt holds at most: the
// long text costs what it holds, not what the timeline does.
func BenchmarkViewWithPrompt(b *testing.B) {
	for _, n := range []int{10, model.MaxEntry, maxPromptText} {
		b.Run(fmt.Sprintf("chars=%d", n), func(b *testing.B) {
			m, _ := newTestModel(b, sampleState(b), 120, 40)
			m = keys(m, "n")
			m.prompt.setValue(strings.Repeat("replica lag ", n/12+1)[:n])
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				_ = m.View()
			}
		})
	}
}
