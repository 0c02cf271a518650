package tui

import (
	"strings"
	"testing"

	"github.com/warroom/warroom/model"
)

// A task given to a role and a person who does not hold it asks which
// was meant: y hands them the role, and the task goes to the role, now
// theirs; n gives the task to them alone.
func TestAssignToARolesNonHolderAsks(t *testing.T) {
	for _, answer := range []string{"y", "n"} {
		m, saver := newTestModel(t, sampleState(t), 120, 40)
		m = keys(m, "right", "right")
		task, _ := m.tasks.view.selected()
		m = keys(typeText(keys(m, "a"), "sme bob"), "enter")
		if v := m.View(); m.prompt == nil || !strings.Contains(v, "bob does not hold Subject matter expert (alice does)") {
			t.Fatalf("%s: no question:\n%s", answer, v)
		}
		m = keys(typeText(m, answer), "enter")
		got := ops(saver)
		sme := model.RoleRef{Role: model.SubjectMatterExpert}
		switch answer {
		case "y":
			if len(got) != 2 || got[0] != (model.Handoff{Role: sme, To: "bob"}) || got[1] != (model.TaskAssign{Task: task.ID, Role: sme}) {
				t.Errorf("y made %#v", got)
			}
			if holder, _ := m.c.state().Holder(sme); holder != "bob" {
				t.Errorf("y: the role is %s's", holder)
			}
		case "n":
			if len(got) != 1 || got[0] != (model.TaskAssign{Task: task.ID, Owner: "bob"}) {
				t.Errorf("n made %#v", got)
			}
		}
		if m.prompt != nil {
			t.Errorf("%s: a prompt is still open: %q", answer, promptLabel(m))
		}
	}
	// The role's holder named with it: no question.
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(typeText(keys(m, "right", "right", "a"), "support grace"), "enter")
	if len(ops(saver)) != 1 || m.prompt != nil {
		t.Errorf("giving a task to grace, who holds the role: %#v, prompt %q", ops(saver), promptLabel(m))
	}
}
