package tui

import (
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/sample"
	"github.com/warroom/warroom/model/store"
	"github.com/warroom/warroom/themes"
)

// testNow is the fixed clock of every screen test: the sample incident's
// last entry is a little before it.
var testNow = time.Date(2026, 11, 25, 14, 47, 0, 0, time.UTC)

// asciiStyles are the styles with the colour profile pinned to ASCII, so
// layout goldens hold text only, whatever the terminal running the tests.
func asciiStyles() *Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	return NewStyles(r, themes.Dark())
}

// fakeSaver records the changes handed to it.
type fakeSaver struct {
	mu      sync.Mutex
	changes []store.Change
}

func (f *fakeSaver) Submit(c store.Change) uint64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.changes = append(f.changes, c)
	return uint64(len(f.changes))
}

func (f *fakeSaver) submitted() []store.Change {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]store.Change(nil), f.changes...)
}

// sampleState is the demo incident with fixed ids and times.
func sampleState(t testing.TB) model.State {
	t.Helper()
	s, err := sample.Incident(model.DefaultCatalog(), testNow.Add(-2*time.Minute), &model.SeqIDs{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// newTestModel builds a screen on s at w×h with a fixed clock and a fake
// saver.
func newTestModel(t testing.TB, s model.State, w, h int) (Model, *fakeSaver) {
	t.Helper()
	saver := &fakeSaver{}
	var seed uint64
	m := New(Options{
		Path: "warroom.toml", Actor: "alice", Lang: "en", Styles: asciiStyles(),
		Now: func() time.Time { return testNow }, Seed: func() uint64 { seed++; return seed },
		Replica: "test", Saver: saver,
	}, s)
	m = send(m, tea.WindowSizeMsg{Width: w, Height: h})
	return m, saver
}

// send runs one message through Update, and the commands it returns that
// finish at once (none of the screen's own commands block, except the
// listeners, which tests do not start).
func send(m Model, msg tea.Msg) Model {
	next, _ := m.Update(msg)
	return next.(Model)
}

func windowSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// keys sends key presses: names such as "tab" or "enter", or single runes.
func keys(m Model, names ...string) Model {
	for _, n := range names {
		m = send(m, keyMsg(n))
	}
	return m
}

func keyMsg(n string) tea.KeyMsg {
	switch n {
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "ctrl+k":
		return tea.KeyMsg{Type: tea.KeyCtrlK}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(n)}
}

// typeText sends text as one key event, as Bubble Tea v1 does when several
// characters arrive in one read.
func typeText(m Model, text string) Model {
	return send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text)})
}

// lines splits a view into its lines.
func lines(v string) []string { return strings.Split(v, "\n") }
