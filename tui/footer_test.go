package tui

import (
	"strings"
	"testing"

	"github.com/warroom/warroom/model"
)

// footer is the screen's last line: the keys that work now.
func footer(m *Model) string {
	ls := lines(m.View())
	return ls[len(ls)-1]
}

// The footer shows the focused pane's own keys first, at 80 columns
// too: on the task list what starts a task and marks it done; on a role
// pane its tools' keys; and it changes with the pane.
func TestFooterShowsTheFocusedPanesKeys(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 80, 24)
	cases := []struct {
		keys []string
		want []string
	}{
		{[]string{"right", "right"}, []string{"d done", "x cancel", "a reassign"}},
		{[]string{"3"}, []string{"w write an update"}},
		{[]string{"4"}, []string{"+ ticket", "p call", "m mention"}},
		{[]string{"right"}, []string{"/ filter by role, kind or person"}},
	}
	for _, c := range cases {
		m = keys(m, c.keys...)
		f := footer(m)
		for _, want := range c.want {
			if !strings.Contains(f, want) {
				t.Errorf("after %q the footer does not offer %q: %q", c.keys, want, f)
			}
		}
		if !strings.Contains(f, "? help") {
			t.Errorf("after %q the footer lost ? help: %q", c.keys, f)
		}
	}
}

// The answer a person records for someone else's handoff (Y, N) comes
// after the keys they came for; their own answer comes first.
func TestFooterPutsSomeoneElsesAnswerLast(t *testing.T) {
	c := model.DefaultCatalog()
	env := model.Env{Now: testNow, Actor: "alice", IDs: &model.SeqIDs{}}
	s, _, err := (model.State{}).Apply(c, model.Declare{Title: "Checkout down"}, env)
	if err == nil {
		s, _, err = s.Apply(c, model.Handoff{Role: model.RoleRef{Role: model.TechLead}, To: "bob"}, env)
	}
	if err != nil {
		t.Fatal(err)
	}
	m, _ := newTestModel(t, s, 80, 24)
	m = keys(m, "2")
	if f := footer(m); !strings.Contains(f, "h hand off role • n add note • t add task") {
		t.Errorf("alice's footer on bob's pane: %q", f)
	}
	m = asActor(m, "bob")
	if f := footer(keys(m, "esc")); !strings.HasPrefix(f, "Y accept the role handed • N decline") {
		t.Errorf("bob's footer: %q", f)
	}
}
