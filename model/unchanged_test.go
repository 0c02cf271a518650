package model

import (
	"errors"
	"reflect"
	"testing"
)

// Item 27: a change that would leave the incident as it is reports
// UnchangedError and changes nothing, so that a caller can take "already
// so" as success; a change the state does not allow stays a conflict.
func TestChangesThatChangeNothing(t *testing.T) {
	f := newFixture(t)
	f.do("alice", Handoff{Role: ref(TechLead, ""), To: "bob"})
	task := f.do("alice", TaskAdd{Title: "roll back", Role: ref(TechLead, ""), Owner: "bob"})[0].Task
	theory := f.do("bob", Log{Kind: KindTheory, Text: "pool exhausted"})[0].Theory
	fu := f.do("alice", Log{Kind: KindFollowup, Text: "alert on pool"})[0].FollowUp
	f.do("alice", FollowUpDetails{FollowUp: fu, Owner: "dave", Due: "2026-12-01"})
	note := f.do("alice", Log{Text: "oops"})[0].ID
	f.do("alice", Retract{Entry: note})
	approved := f.do("carol", CommsUpdate{Audience: AudienceExternal, Text: "x", NeedsApproval: true})[0].ID
	f.do("alice", ApproveUpdate{Draft: approved})
	rejected := f.do("carol", CommsUpdate{Audience: AudienceExternal, Text: "y", NeedsApproval: true})[0].ID
	f.do("alice", RejectUpdate{Draft: rejected, Reason: "not yet"})

	for _, op := range []Op{
		SetSeverity{Severity: Sev1},
		SetStatus{Status: Investigating},
		Handoff{Role: ref(TechLead, ""), To: "bob"},
		Handoff{Role: ref(IncidentManager, ""), To: "alice"},
		Release{Role: ref(Scribe, "")},
		TaskSet{Task: task, State: TaskOpen},
		TaskAssign{Task: task, Role: ref(TechLead, ""), Owner: "Bob"},
		TheorySet{Theory: theory, State: TheoryOpen},
		FollowUpSet{FollowUp: fu, Done: false},
		FollowUpDetails{FollowUp: fu, Owner: "Dave"},
		FollowUpDetails{FollowUp: fu, Due: "2026-12-01"},
		Retract{Entry: note},
		ApproveUpdate{Draft: approved},
		RejectUpdate{Draft: rejected, Reason: "still not"},
	} {
		before := f.s
		_, err := f.try("alice", op)
		var ue *UnchangedError
		if !errors.As(err, &ue) || !errors.As(err, new(*ConflictError)) {
			t.Errorf("%T %+v: got %v, want UnchangedError, a ConflictError too", op, op, err)
		}
		if Explain(err, "en") != err.Error() {
			t.Errorf("%T explained as %q", op, Explain(err, "en"))
		}
		if !reflect.DeepEqual(before, f.s) {
			t.Errorf("%T changed the state", op)
		}
	}
	for _, op := range []Op{
		Declare{Title: "again"},
		ApproveUpdate{Draft: rejected},
		RejectUpdate{Draft: approved, Reason: "too late"},
	} {
		if _, err := f.try("alice", op); !errors.As(err, new(*ConflictError)) || errors.As(err, new(*UnchangedError)) {
			t.Errorf("%T %+v: got %v, want ConflictError", op, op, err)
		}
	}
	// A change of only part of the details is a change.
	if e := f.do("alice", FollowUpDetails{FollowUp: fu, Owner: "dave", Ticket: "OPS-1"})[0]; e.Kind != KindFollowUpChanged {
		t.Errorf("new ticket: %+v", e)
	}
}
