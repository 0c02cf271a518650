package tui

import (
	"strings"
	"testing"

	"github.com/warroom/warroom/model"
)

// TestTitleAndSummaryTypedTogetherAreBothSaved: E, the title edited, tab
// to the summary, the summary edited, enter: both are saved, and tab
// back and forth keeps what was typed in each. A field left as it was
// does not write over a change made meanwhile by someone else.
func TestTitleAndSummaryTypedTogetherAreBothSaved(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "E")
	m = typeText(m, " in the EU")
	m = keys(m, "tab")
	m = typeText(m, " Card payments only.")
	m = keys(m, "tab")
	if got := m.prompt.value(); got != "Checkout API returning 500s in the EU" {
		t.Fatalf("tab back to the title shows %q", got)
	}
	m = keys(m, "tab", "enter")
	in := m.c.state().Incident
	if in.Title != "Checkout API returning 500s in the EU" || !strings.HasSuffix(in.Summary, "Card payments only.") {
		t.Errorf("enter saved title %q and summary %q", in.Title, in.Summary)
	}

	// Only the summary edited: a title changed elsewhere meanwhile stays.
	m = keys(m, "E", "tab")
	m = typeText(m, " Refunds queued.")
	onFile, _, err := m.c.state().Apply(m.c.catalog, model.SetTitle{Title: "Checkout down in the EU"}, model.Env{Now: m.c.now, Actor: "bob", IDs: model.RandomIDs{}})
	if err != nil {
		t.Fatal(err)
	}
	m = send(m, loadedMsg{state: onFile})
	m = keys(m, "enter")
	if in := m.c.state().Incident; in.Title != "Checkout down in the EU" || !strings.HasSuffix(in.Summary, "Refunds queued.") {
		t.Errorf("after the summary alone: title %q, summary %q", in.Title, in.Summary)
	}
}

// E edits the title (tab: the summary), W adds a workstream of the focused
// role, R gives the focused role back to the incident manager, K closes the
// focused workstream; each is in the timeline, and u takes back a title,
// a summary or a role given back.
func TestTitleSummaryAndWorkstreamsFromTheScreen(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "E")
	if promptLabel(m) != "Title:" || m.prompt.value() != "Checkout API returning 500s" {
		t.Fatalf("E: prompt %q with %q", promptLabel(m), m.prompt.value())
	}
	m = keys(m, "ctrl+k") // nothing: the cursor is at the end
	m = typeText(m, " in the EU")
	m = keys(m, "enter")
	if got := m.c.state().Incident.Title; got != "Checkout API returning 500s in the EU" {
		t.Fatalf("title %q", got)
	}
	m = keys(m, "E", "tab")
	if promptLabel(m) != "Summary:" {
		t.Fatalf("tab from the title: %q", promptLabel(m))
	}
	m = keys(typeText(m, " Card payments only."), "enter")
	if got := m.c.state().Incident.Summary; !strings.HasSuffix(got, "Card payments only.") {
		t.Fatalf("summary %q", got)
	}
	m = keys(m, "u")
	if got := m.c.state().Incident.Summary; strings.HasSuffix(got, "Card payments only.") {
		t.Errorf("u did not take the summary back: %q", got)
	}

	// A third tech lead workstream, then given back, then closed.
	m = keys(m, "2", "W")
	m = keys(typeText(m, "cache: zoe"), "enter")
	cache := model.RoleRef{Role: model.TechLead, Workstream: "cache"}
	if h, _ := m.c.state().Holder(cache); h != "zoe" {
		t.Fatalf("W made no cache workstream held by zoe: %q", h)
	}
	for i := 0; i < len(m.c.snap.holdings) && m.focusedRole().Ref != cache; i++ {
		m = keys(m, "tab")
	}
	m = keys(m, "R", "enter")
	if _, byDefault := m.c.state().Holder(cache); !byDefault {
		t.Fatal("R did not give the workstream back to the incident manager")
	}
	m = keys(m, "K")
	m = keys(typeText(m, "folded into database"), "enter")
	if !m.c.state().WorkstreamClosed(cache) {
		t.Fatalf("K did not close the workstream; notice %q", m.notice)
	}
	var kinds []model.Kind
	for _, c := range saver.submitted() {
		switch c.Op.(type) {
		case model.SetTitle, model.SetSummary, model.Undo, model.Handoff, model.Release, model.CloseWorkstream:
			kinds = append(kinds, "ok")
		}
	}
	if len(kinds) < 6 {
		t.Errorf("%d of the changes saved, want title, summary, its undo, the workstream, given back, closed", len(kinds))
	}
	// The incident manager's own pane has no W, R or K.
	m = keys(m, "1")
	if offered(m, "W") || offered(m, "R") || offered(m, "K") {
		t.Error("W, R or K offered on the incident manager's pane")
	}
}
