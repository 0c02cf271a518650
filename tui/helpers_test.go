package tui

import (
	"io"
	"slices"
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
func newTestModel(t testing.TB, s model.State, w, h int) (*Model, *fakeSaver) {
	t.Helper()
	saver := &fakeSaver{}
	var seed uint64
	m := build(Options{
		Path: "warroom.toml", Actor: "alice", Lang: "en", Styles: asciiStyles(),
		Now: func() time.Time { return testNow }, Seed: func() uint64 { seed++; return seed },
		Replica: "test", Saver: saver,
	}, s)
	m = send(m, tea.WindowSizeMsg{Width: w, Height: h})
	return m, saver
}

// send runs one message through Update; the commands it returns are
// dropped (tests send the messages they stand for by hand).
func send(m *Model, msg tea.Msg) *Model {
	remember(m, msg)
	next, _ := m.Update(msg)
	return next.(*Model)
}

// settle ends the burst of keys under way, as a pause in typing does.
func settle(m *Model) *Model { return send(m, settleMsg{m.input.gen}) }

func windowSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// keys presses keys one by one, as a person does, a pause after each:
// names such as "tab" or "enter", or single runes.
func keys(m *Model, names ...string) *Model {
	for _, n := range names {
		m = settle(send(m, keyMsg(n)))
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
	case "ctrl+u":
		return tea.KeyMsg{Type: tea.KeyCtrlU}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(n)}
}

// typeText sends text as one key event, as Bubble Tea v1 does when several
// characters arrive in one read, then pauses.
func typeText(m *Model, text string) *Model {
	return settle(send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text)}))
}

// lines splits a view into its lines.
func lines(v string) []string { return strings.Split(v, "\n") }

// Screens in tests can be forked, as a value can be copied: the helpers
// remember how each screen was built and every message sent to it, and
// fork replays them on a new screen with a saver and ids of its own.
type recipe struct {
	state model.State
	msgs  []tea.Msg
}

var recipes sync.Map // *Model → *recipe

// build is New, remembered for fork.
func build(opts Options, s model.State) *Model {
	m := New(opts, s)
	recipes.Store(m, &recipe{state: s})
	return m
}

// remember notes a message sent to m.
func remember(m *Model, msg tea.Msg) {
	if r, ok := recipes.Load(m); ok {
		rec := r.(*recipe)
		rec.msgs = append(rec.msgs, msg)
	}
}

// fork makes a screen that has seen what m has, leaving m as it is.
func fork(t testing.TB, m *Model) *Model {
	t.Helper()
	r, ok := recipes.Load(m)
	if !ok {
		t.Fatal("fork: the screen was not made with build")
	}
	opts := m.opts
	opts.Saver = &fakeSaver{}
	var seed uint64
	opts.Seed = func() uint64 { seed++; return seed }
	f := build(opts, r.(*recipe).state)
	for _, msg := range r.(*recipe).msgs {
		f = send(f, msg)
	}
	return f
}

// asActor makes name the person at m's keyboard.
func asActor(m *Model, name string) *Model {
	m.opts.Actor, m.c.actor = name, name
	m.roles.setRole(m.role) // the tools' keys follow who is at the keyboard
	m.refresh()
	return m
}

// offered reports whether the footer offers key k now: an enabled binding
// for it among the keys that work.
func offered(m *Model, k string) bool {
	for _, b := range m.shortHelp() {
		if b.Enabled() && slices.Contains(b.Keys(), k) {
			return true
		}
	}
	return false
}

// withApproval makes the audiences in approval need the incident
// manager's approval, as the incident's policy, read from the file.
func withApproval(m *Model, approval map[model.Audience]bool) *Model {
	st := m.c.state()
	st.Incident.Policy = model.PolicyOf(st.Policy().Cadence(), approval, st.AcceptLimit())
	return send(m, IncidentMsg(st, nil))
}

// withClock gives m another clock, as time passing does.
func withClock(m *Model, now func() time.Time) *Model {
	m.opts.Now, m.c.clock = now, now
	return m
}

// roleLines is the whole role pane, w columns wide, as text.
func roleLines(m *Model, w int) []string {
	var out []string
	for _, r := range m.roles.rows(w) {
		out = append(out, r.text)
	}
	return out
}
