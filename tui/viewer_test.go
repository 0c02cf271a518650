package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// TestAViewerIsToldTheyOnlyWatch: a served member who may only watch
// sees "view only" in the header; a key that would change something (a
// note, a task done) says why it does nothing, and changes nothing; keys
// that move still move, without a word.
func TestAViewerIsToldTheyOnlyWatch(t *testing.T) {
	saver := &fakeSaver{}
	var seed uint64
	m := build(Options{Path: "warroom.toml", Actor: "dana", Lang: "en", Styles: asciiStyles(), Viewer: true,
		Now: func() time.Time { return testNow }, Seed: func() uint64 { seed++; return seed }, Replica: "test", Saver: saver},
		sampleState(t))
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	if top := strings.Join(lines(m.View())[:2], "\n"); !strings.Contains(top, "view only") {
		t.Errorf("the header does not say view only:\n%s", top)
	}
	m = keys(m, "j")
	if strings.Contains(m.notice, "watch") {
		t.Errorf("a key that moves says %q", m.notice)
	}
	m = keys(m, "n")
	if m.prompt != nil || !strings.Contains(m.notice, "you may only watch this war room") {
		t.Errorf("n on a viewer's screen: prompt %v, notice %q", m.prompt != nil, m.notice)
	}
	m.focus = areaTasks
	m = keys(m, "d")
	if !strings.Contains(m.notice, "you may only watch this war room") {
		t.Errorf("d on a viewer's task list: notice %q", m.notice)
	}
	if got := saver.submitted(); len(got) != 0 {
		t.Errorf("a viewer's keys made changes: %#v", got)
	}
	if v := m.View(); !strings.Contains(v, "you may only watch this war room") {
		t.Error("the notice is not on the screen")
	}
}
