package tui

import (
	"testing"

	"github.com/warroom/warroom/model"
)

// The handoff prompt completes the names of the served war room's team
// and of everyone who took part, not only the people of the incident.
func TestHandoffCompletesEveryoneWhoTookPart(t *testing.T) {
	s := sampleState(t)
	s, _, err := s.Apply(model.DefaultCatalog(), model.Log{Text: "watching the graphs"},
		model.Env{Now: testNow, Actor: "quentin", IDs: &model.SeqIDs{}})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := newTestModel(t, s, 120, 40)
	m.c.members = []string{"wanda"}
	for _, name := range []string{"quentin", "wanda"} {
		m = keys(typeText(keys(m, "7", "h"), name[:3]), "tab")
		if got := m.prompt.value(); got != name {
			t.Errorf("tab after %q completed %q, want %q", name[:3], got, name)
		}
		m = keys(m, "esc")
	}
}
