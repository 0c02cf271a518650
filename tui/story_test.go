package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
)

// The screen's part of the incident's story (issue 20).

// TestMarkAMilestoneAndUndoIt (item 4): M opens the milestone prompt;
// "impact -5m" marks the impact five minutes ago, the mark shows in the
// timeline, and u takes it back.
func TestMarkAMilestoneAndUndoIt(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "M")
	if m.prompt == nil {
		t.Fatal("M opened no prompt")
	}
	m = typeText(m, "impact -5m")
	m = keys(m, "enter")
	got, ok := m.c.state().Milestones()[model.MilestoneImpact]
	if !ok || !got.At.Equal(testNow.Add(-5*time.Minute)) {
		t.Fatalf("impact marked at %v (%v), want five minutes ago", got.At, ok)
	}
	if n := len(saver.submitted()); n != 1 {
		t.Errorf("%d changes saved, want the mark", n)
	}
	m = keys(m, "u")
	if _, ok := m.c.state().Milestones()[model.MilestoneImpact]; ok {
		t.Errorf("u left the mark: %s", m.notice)
	}

	// In Spanish, the milestone's name in Spanish is taken too; a word
	// that is none keeps the prompt open.
	m = keys(m, "M")
	m = typeText(m, "nada")
	m = keys(m, "enter")
	if m.prompt == nil {
		t.Error("a word that is no milestone closed the prompt")
	}
	if _, when, err := parseMilestone("es", "Inicio del impacto @14:02"); err != nil || when != "@14:02" {
		t.Errorf("parseMilestone in Spanish: %q, %v", when, err)
	}
}

// TestPinTheSelectedEntry (item 7): P on the selected timeline entry pins
// it as a key moment, marked ★; P again unpins it; u takes a pin back.
func TestPinTheSelectedEntry(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "f", "k") // the timeline, its newest entry selected
	e, ok := m.timeline.view.selected()
	if !ok {
		t.Fatal("no entry selected")
	}
	if !offered(m, "P") {
		t.Fatal("P is not offered on a selected entry")
	}
	m = keys(m, "P")
	if !m.c.state().Pinned(e.ID) {
		t.Fatalf("P did not pin %s: %s", e.ID, m.notice)
	}
	if v := m.View(); !strings.Contains(v, "★ ") {
		t.Errorf("the pinned entry is not marked:\n%s", v)
	}
	m = keys(m, "u")
	if m.c.state().Pinned(e.ID) {
		t.Errorf("u left the pin: %s", m.notice)
	}
	m = keys(m, "P", "P")
	if m.c.state().Pinned(e.ID) {
		t.Error("P twice left the entry pinned")
	}
}
