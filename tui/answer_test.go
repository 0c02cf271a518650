package tui

import (
	"strings"
	"testing"

	"github.com/warroom/warroom/model"
)

var databaseLead = model.RoleRef{Role: model.TechLead, Workstream: "database"}

// The person handed a role sees it on their own pane, not yet accepted,
// and Y accepts it: the file records their answer and the mark goes.
func TestYAcceptsTheRoleHandedToYou(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = asActor(m, "ivan")
	m = keys(m, "2")
	if v := m.View(); !strings.Contains(v, "NOT YET ACCEPTED") || !strings.Contains(v, "ivan?") {
		t.Fatalf("ivan's screen does not say his role waits for his answer:\n%s", v)
	}
	if !offered(m, "Y") || !offered(m, "N") {
		t.Fatalf("Y and N are not offered to the person handed the role:\n%s", m.View())
	}
	m = keys(m, "Y")
	if got := ops(saver); len(got) != 1 || got[0] != (model.Accept{Role: databaseLead}) {
		t.Fatalf("Y made %#v, want ivan's acceptance", got)
	}
	if v := m.View(); strings.Contains(v, "NOT YET ACCEPTED") || strings.Contains(v, "ivan?") {
		t.Errorf("after Y the role still shows as not accepted:\n%s", v)
	}
	if offered(m, "Y") {
		t.Errorf("Y still offered once every handoff is answered")
	}
}

// The news of a role handed to you goes once you accept it.
func TestAcceptingClearsTheNewsOfTheOffer(t *testing.T) {
	s := sampleState(t)
	m, _ := newTestModel(t, s, 120, 40)
	m = asActor(m, "dave")
	s = othersDo(t, s, "alice", testNow, model.Handoff{Role: model.RoleRef{Role: model.Scribe}, To: "dave"})
	m = send(m, IncidentMsg(s, nil))
	if !strings.Contains(m.View(), "alice handed you Scribe") {
		t.Fatalf("no news of the offer:\n%s", m.View())
	}
	m = keys(m, "Y")
	if strings.Contains(m.View(), "alice handed you Scribe") {
		t.Errorf("the news of the offer stays once accepted:\n%s", m.View())
	}
}

// N asks why and declines: the role goes back; an empty reason is not
// enough.
func TestNDeclinesWithAReason(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(asActor(m, "ivan"), "N")
	if got := promptLabel(m); got != "Decline Tech lead · database? Why:" {
		t.Fatalf("N opened %q", got)
	}
	m = keys(m, "enter")
	if len(ops(saver)) != 0 {
		t.Fatalf("a decline without a reason was recorded: %#v", ops(saver))
	}
	m = keys(typeText(m, "on leave from tomorrow, cannot watch the pool"), "enter")
	want := model.Decline{Role: databaseLead, Reason: "on leave from tomorrow, cannot watch the pool"}
	if got := ops(saver); len(got) != 1 || got[0] != want {
		t.Fatalf("N made %#v, want %#v", got, want)
	}
	if holder, _ := m.c.state().Holder(databaseLead); !model.SameName(holder, "bob") {
		t.Errorf("after the decline the role is held by %q, want it back with bob", holder)
	}
}

// The incident manager records an answer given by phone on the role's
// pane; the footer says whose answer it is. Others are not offered it.
func TestTheIncidentManagerRecordsAnAnswerGivenByPhone(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	if offered(m, "Y") {
		t.Fatalf("Y offered to alice on her own pane, where nothing waits for her answer")
	}
	m = keys(m, "2")
	if v := m.View(); !strings.Contains(v, "Y ivan accepts") {
		t.Fatalf("the footer does not say Y records ivan's answer:\n%s", v)
	}
	m = keys(m, "Y")
	if got := ops(saver); len(got) != 1 || got[0] != (model.Accept{Role: databaseLead, For: "ivan"}) {
		t.Fatalf("alice's Y made %#v, want ivan's acceptance recorded for him", got)
	}

	dave, _ := newTestModel(t, sampleState(t), 120, 40)
	dave = keys(asActor(dave, "dave"), "2")
	if offered(dave, "Y") || offered(dave, "N") {
		t.Errorf("dave, who neither holds nor handed the role, is offered its answer")
	}
}

// The wall shows who has not accepted but answers nothing.
func TestTheWallMarksRolesNotYetAccepted(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 160, 45)
	m.c.wall = true
	m.refresh()
	if offered(m, "Y") {
		t.Errorf("the wall offers Y")
	}
	if v := m.View(); !strings.Contains(v, "ivan?") {
		t.Errorf("the wall does not mark ivan's role as not yet accepted:\n%s", v)
	}
}
