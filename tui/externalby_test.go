package tui

import (
	"strings"
	"testing"

	"github.com/warroom/warroom/model"
)

// An external update written on the screen by someone who holds neither
// the communications manager's role nor the incident manager's is a draft
// for the communications manager: the prompt says so before enter, the
// notice after; the communications manager's pane lists it with A and X,
// and A approves it.
func TestExternalUpdateFromOutsideCommsIsADraftForItsManager(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = withApproval(m, nil) // no approval of the incident manager's asked
	m = asActor(m, "bob")
	m = keys(m, "3", "w")
	if v := m.View(); !strings.Contains(v, "you do not hold Communications manager · external: enter sends the draft to carol for approval") {
		t.Errorf("the prompt does not say the update goes to carol:\n%s", v)
	}
	m = keys(typeText(keys(m, "ctrl+u"), "Payments are back."), "enter")
	last, _ := m.c.state().LastEntry()
	if last.Kind != model.KindCommsDraft || last.To != model.CommunicationsManager {
		t.Fatalf("bob's update is %+v, want a draft for the communications manager", last)
	}
	if !strings.Contains(m.notice, "awaiting the approval of carol") {
		t.Errorf("notice %q", m.notice)
	}
	if offered(m, "A") {
		t.Error("bob is offered the approval of his own draft")
	}
	m = asActor(m, "carol")
	m = keys(m, "esc")
	if v := m.View(); !strings.Contains(v, "Drafts for the communications manager (1) · A appro") || !offered(m, "A") {
		t.Fatalf("carol's pane does not offer the draft:\n%s", v)
	}
	m = keys(m, "A", "enter")
	if last, _ := m.c.state().LastEntry(); last.Kind != model.KindComms || last.From != "bob" || last.By != "carol" {
		t.Errorf("after A: %+v", last)
	}
}
