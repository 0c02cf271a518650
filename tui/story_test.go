package tui

import (
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
