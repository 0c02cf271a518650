package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
)

// The timeline has a selection: the move keys select an entry and the
// view follows it; enter shows it in full — who, when, backdated or not,
// the role, the whole text, what it refers to — and esc closes it. New
// entries do not move the selection off its entry.
func TestReadATimelineEntryInFull(t *testing.T) {
	long := "Rolled back deploy 142 on every host; error rate back under 0.5% within four minutes. " +
		"Keep the feature flag off until payments confirm card retries are idempotent.\nSecond paragraph: see runbook DB-7."
	s := othersDo(t, sampleState(t), "bob", testNow, model.Log{Kind: model.KindDecision, Role: model.RoleRef{Role: model.TechLead, Workstream: "database"},
		Text: long, At: testNow.Add(-10 * time.Minute)})
	m, _ := newTestModel(t, s, 120, 40)
	m = keys(m, "right")
	// The backdated decision sits ten minutes back: find it.
	for i := 0; i < 30; i++ {
		m = keys(m, "k")
		if e, ok := m.timeline.view.selected(); ok && e.Kind == model.KindDecision && e.By == "bob" {
			break
		}
	}
	sel, ok := m.timeline.view.selected()
	if !ok || sel.Text != long {
		t.Fatalf("k never selected the decision: %+v", sel)
	}
	if !offered(m, "enter") {
		t.Error("enter is not offered on a selected entry")
	}
	m = keys(m, "enter")
	if m.reading == nil {
		t.Fatal("enter did not open the entry")
	}
	v := strings.Join(strings.Fields(strings.Join(m.reading.lines(200), " ")), " ")
	for _, want := range []string{"By: bob", "Kind: decision", "About: Tech lead · database", "(backdated: written",
		"Keep the feature flag off until payments confirm card retries are idempotent.", "Second paragraph: see runbook DB-7."} {
		if !strings.Contains(v, want) {
			t.Errorf("the entry in full lacks %q:\n%s", want, v)
		}
	}
	m = keys(m, "esc")
	if m.reading != nil {
		t.Fatal("esc did not close the entry")
	}
	// Others write on: the selection stays on the decision.
	s = othersDo(t, s, "carol", testNow, model.Log{Text: "one more"}, model.Log{Text: "and another"})
	m = send(m, loadedMsg{state: s})
	if e, _ := m.timeline.view.selected(); e.ID != sel.ID {
		t.Errorf("new entries moved the selection from %s to %s", sel.ID, e.ID)
	}
	// esc lets go of it: the view follows the newest again.
	m = keys(m, "esc")
	if _, ok := m.timeline.view.selected(); ok || m.timeline.view.offset != 0 {
		t.Error("esc did not go back to the newest")
	}
}
