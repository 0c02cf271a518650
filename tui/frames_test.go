package tui

import (
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
)

// sharing is a served war room's screens on one Frames, with one clock
// the test moves.
type sharing struct {
	t      *testing.T
	frames *Frames
	now    time.Time
}

// screen opens a screen on s for actor at w×h; o sets what else it is.
func (sh *sharing) screen(s model.State, actor string, w, h int, o func(*Options)) *Model {
	opts := Options{Path: "warroom.toml", Actor: actor, Lang: "en", Catalog: model.DefaultCatalog(), Styles: asciiStyles(),
		Now: func() time.Time { return sh.now }, Saver: &fakeSaver{}, Frames: sh.frames}
	if o != nil {
		o(&opts)
	}
	m := New(opts, s)
	m.Update(windowSize(w, h))
	return m
}

// private is what m draws on its own, sharing nothing.
func private(m *Model) string {
	f := m.opts.Frames
	m.opts.Frames = nil
	defer func() { m.opts.Frames = f }()
	return m.View()
}

// same checks that every screen, drawn in this order and then in the
// other, draws what it draws on its own.
func (sh *sharing) same(step string, ms ...*Model) {
	sh.t.Helper()
	for pass := range 2 {
		for i := range ms {
			m := ms[i]
			if pass == 1 {
				m = ms[len(ms)-1-i]
			}
			if got, want := m.View(), private(m); got != want {
				sh.t.Fatalf("%s: %s's screen (pass %d) draws a frame not its own:\n%s\nwant:\n%s", step, m.c.actor, pass, got, want)
			}
		}
	}
}

// apply applies op to s, as who, a minute on.
func apply(t *testing.T, s model.State, who string, op model.Op) model.State {
	t.Helper()
	next, _, err := s.Apply(model.DefaultCatalog(), op, model.Env{Now: testNow.Add(time.Minute), Actor: who, IDs: &model.SeededIDs{Seed: uint64(len(s.Timeline))}})
	if err != nil {
		t.Fatal(err)
	}
	return next
}

// Screens that share frames each draw what they would draw alone: those
// that show the same thing share one frame whatever they saw before
// (one open since the first change, one opened after the last), and a
// screen of its own — the incident manager's, one whose person pressed
// a key, the wall and the wall on another role, a viewer's wall, another
// width or height — draws its own.
func TestSharedFramesDrawWhatEachScreenWouldAlone(t *testing.T) {
	sh := &sharing{t: t, frames: NewFrames(), now: testNow}
	cat := model.DefaultCatalog()
	s0 := sampleState(t)
	states := []model.State{s0}
	for _, step := range []struct {
		who string
		op  model.Op
	}{
		{"bob", model.Log{Text: "replica lag 40s"}},
		{"alice", model.TaskAdd{Title: "page the DB team", Role: model.RoleRef{Role: model.TechLead}}},
		{"alice", model.Handoff{Role: model.RoleRef{Role: model.Scribe}, To: "erin"}},
		{"alice", model.SetSeverity{Severity: model.Sev2}},
	} {
		states = append(states, apply(t, states[len(states)-1], step.who, step.op))
	}
	early := sh.screen(s0, "m1", 120, 40, func(o *Options) { o.Viewer = true })
	editor := sh.screen(s0, "m2", 120, 40, nil)
	im := sh.screen(s0, "alice", 120, 40, nil)
	wall := sh.screen(s0, "m3", 120, 40, func(o *Options) { o.Wall = true })
	wallViewer := sh.screen(s0, "m7", 120, 40, func(o *Options) { o.Wall, o.Viewer = true, true })
	narrow := sh.screen(s0, "m4", 100, 40, func(o *Options) { o.Viewer = true })
	taller := sh.screen(s0, "m8", 120, 41, func(o *Options) { o.Viewer = true })
	turned := sh.screen(s0, "m9", 120, 40, func(o *Options) { o.Wall = true })
	turned.Update(rotateMsg{}) // the wall's next role
	pressed := sh.screen(s0, "m5", 120, 40, nil)
	keys(pressed, "tab")
	all := []*Model{early, editor, im, wall, wallViewer, narrow, taller, turned, pressed}
	present := []Present{{Name: "m1"}, {Name: "m2"}, {Name: "alice"}}
	var msg tea.Msg
	for i, s := range states[1:] {
		msg = SharedIncident(s, nil, cat, nil)
		sh.now = sh.now.Add(1300 * time.Millisecond)
		for _, m := range all {
			m.Update(msg)
			m.Update(PresenceMsg(present))
			m.Update(tickMsg(sh.now))
		}
		sh.same(fmt.Sprintf("change %d", i+1), all...)
	}
	late := sh.screen(states[len(states)-1], "m6", 120, 40, func(o *Options) { o.Viewer = true })
	late.Update(msg) // as a server hands every screen that joins
	late.Update(PresenceMsg(present))
	late.Update(tickMsg(sh.now))
	all = append(all, late)
	sh.same("a screen opened after the changes", all...)

	// The two viewers and the editor, all of them named nowhere in the
	// incident, share one frame: drawing the editor's after the viewers'
	// draws nothing more.
	before := len(sh.frames.byKey)
	sh.now = sh.now.Add(time.Second)
	for _, m := range []*Model{early, late} {
		m.Update(tickMsg(sh.now))
	}
	sh.same("a tick", early, late)
	if drawn := len(sh.frames.byKey) - before; drawn != 1 {
		t.Errorf("two viewers showing the same drew %d frames, want 1", drawn)
	}
}

// A screen whose person presses keys draws its own frames from the first
// key on, whatever the keys do.
func TestSharedFramesStopAtTheFirstKey(t *testing.T) {
	sh := &sharing{t: t, frames: NewFrames(), now: testNow}
	s := sampleState(t)
	other := sh.screen(s, "m1", 120, 40, nil)
	for _, k := range []string{"tab", "j", "]", "?", "?", "esc", "3", "shift+tab", "down", "n", "esc"} {
		m := sh.screen(s, "m2", 120, 40, nil)
		keys(m, k)
		sh.same("after "+k, other, m)
	}
}

// A screen that opens with the catch-up over its panes, as a member who
// never saw the incident gets it, draws its own frame beside one that
// does not: the sheet is theirs.
func TestSharedFramesKeepACatchUpToItsScreen(t *testing.T) {
	sh := &sharing{t: t, frames: NewFrames(), now: testNow}
	s := sampleState(t)
	msg := SharedIncident(s, nil, model.DefaultCatalog(), nil)
	quiet := sh.screen(s, "m1", 120, 40, func(o *Options) { o.Viewer = true })
	caught := sh.screen(s, "m2", 120, 40, func(o *Options) { o.Viewer, o.CatchUp = true, true })
	for _, m := range []*Model{quiet, caught} {
		m.Update(msg)
		m.Update(tickMsg(sh.now))
	}
	if caught.sheet == nil {
		t.Fatal("the member who never saw the incident was not shown the catch-up")
	}
	sh.same("a catch-up on one screen", quiet, caught)
}
