package model

import (
	"fmt"
	"strings"

	"github.com/warroom/warroom/model/i18n"
)

// Acceptance says where a handoff stands with the person it was handed to.
// The role is theirs from the handoff on, whatever the answer; the answer
// says whether they know it and took it on.
type Acceptance string

const (
	// AcceptanceAwaited: handed to someone who has not answered yet.
	AcceptanceAwaited Acceptance = "awaited"
	// AcceptanceAccepted: the holder accepted it, or took it themselves.
	AcceptanceAccepted Acceptance = "accepted"
	// AcceptanceDeclined: the holder declined it, saying why; the role
	// went back to whoever held it before.
	AcceptanceDeclined Acceptance = "declined"
)

// Acceptances are the answers a handoff can have, as the file writes them.
var Acceptances = []Acceptance{AcceptanceAwaited, AcceptanceAccepted, AcceptanceDeclined}

// UnmarshalText checks an acceptance read from a file.
func (a *Acceptance) UnmarshalText(b []byte) error {
	v := Acceptance(b)
	if v != "" && v.rank() == 0 {
		return fmt.Errorf("unknown acceptance %q; valid: awaited, accepted, declined", b)
	}
	*a = v
	return nil
}

// rank orders the answers for merging copies that answered one handoff
// apart: a decline over an acceptance over no answer yet.
func (a Acceptance) rank() int {
	switch a {
	case AcceptanceAwaited:
		return 1
	case AcceptanceAccepted:
		return 2
	case AcceptanceDeclined:
		return 3
	}
	return 0
}

// Accept is the holder of a role accepting it, once it was handed to them:
// until then it is theirs, marked not yet accepted. For names the holder
// when someone else records the acceptance — the incident manager, or
// whoever made the handoff, confirming an acceptance given by phone; when
// empty the actor accepts for themselves.
type Accept struct {
	Role RoleRef
	For  string
}

// Decline is the holder of a role handed to them refusing it, saying why:
// the role goes back to whoever held it before (the previous holder, or
// the incident manager by default). For is as in Accept.
type Decline struct {
	Role   RoleRef
	Reason string
	For    string
}

// answer is a handoff waiting for its holder's answer, found and checked.
type answer struct {
	ref    RoleRef
	cur    Assignment // the handoff
	holder string     // as the incident knows them
}

// answering finds the handoff of role that the actor may answer, for
// themselves or, with forName, for its holder, as an acceptance or (not
// accepting) a decline. To accept what needs no acceptance (accepted
// already, taken by oneself, held by default) is an *UnchangedError: the
// holder has the role, as asked; to decline it is a *ConflictError.
func (t *tx) answering(role RoleRef, forName string, accepting bool) (answer, error) {
	if role.IsZero() {
		return answer{}, &InvalidError{What: "role", Valid: t.c.Names()}
	}
	ref, err := t.checkRole(role)
	if err != nil {
		return answer{}, err
	}
	label := RoleLabel{ref, t.c}
	who := t.env.Actor
	if strings.TrimSpace(forName) != "" {
		if who, err = checkName("holder", forName); err != nil {
			return answer{}, err
		}
		who = t.s.DisplayName(who)
	}
	if t.s.WorkstreamClosed(ref) {
		return answer{}, &ConflictError{Reason: i18n.M("%s was closed; there is no handoff of it to answer", label)}
	}
	cur, ok := t.s.current(ref)
	im := t.s.Commander()
	if !ok || cur.Holder == "" {
		// Held by the incident manager by default: nobody handed it.
		if SameName(who, im) {
			reason := i18n.M("%s holds %s as the incident manager; there is no handoff to answer", im, label)
			if accepting {
				return answer{}, &UnchangedError{Reason: reason}
			}
			return answer{}, &ConflictError{Reason: reason}
		}
		return answer{}, &ConflictError{Reason: i18n.M("%s was not handed to %s; it is with the incident manager, %s", label, who, im)}
	}
	holder := t.s.DisplayName(cur.Holder)
	recorder := SameName(t.env.Actor, im) || SameName(t.env.Actor, cur.By) // may answer for the holder
	switch {
	case SameName(who, holder):
	case !SameName(who, t.env.Actor):
		return answer{}, &ConflictError{Reason: i18n.M("%s was handed to %s, not %s", label, holder, who)}
	case recorder:
		return answer{}, &ConflictError{Reason: i18n.M("%s was handed to %s, not %s: %s answers it, or you record the answer for them (--for %s)", label, holder, who, holder, holder)}
	default:
		return answer{}, &ConflictError{Reason: i18n.M("%s was handed to %s, not %s: %s answers it, or the incident manager records the answer for them", label, holder, who, holder)}
	}
	if !SameName(who, t.env.Actor) && !recorder {
		if SameName(im, cur.By) {
			return answer{}, &ConflictError{Reason: i18n.M("only the incident manager, %s, who handed it, can record %s's answer; %s cannot", im, holder, t.env.Actor)}
		}
		return answer{}, &ConflictError{Reason: i18n.M("only the incident manager, %s, or %s, who handed it, can record %s's answer; %s cannot", im, t.s.DisplayName(cur.By), holder, t.env.Actor)}
	}
	switch {
	case cur.Acceptance == AcceptanceAwaited:
		return answer{ref: ref, cur: cur, holder: holder}, nil
	case cur.Acceptance == AcceptanceAccepted && accepting:
		return answer{}, &UnchangedError{Reason: i18n.M("%s already accepted %s", holder, label)}
	case cur.Acceptance == AcceptanceAccepted:
		return answer{}, &ConflictError{Reason: i18n.M("%s already accepted %s; to give it up, %s", holder, label, giveUp(ref))}
	case accepting:
		return answer{}, &UnchangedError{Reason: i18n.M("%s holds %s; there is no handoff waiting for an answer", holder, label)}
	}
	return answer{}, &ConflictError{Reason: i18n.M("%s holds %s with no handoff waiting for an answer; to give it up, %s", holder, label, giveUp(ref))}
}

// giveUp says how to give up a role held: hand it on, or give it back.
func giveUp(ref RoleRef) i18n.Message {
	if ref.Role == IncidentManager {
		return i18n.M("hand it to someone else")
	}
	return i18n.M("hand it to someone else or give it back to the incident manager")
}

// setAnswer sets the answer on the assignment with id.
func (t *tx) setAnswer(id string, acc Acceptance, reason string) {
	t.own(partAssignments)
	for i := range t.s.Assignments {
		if t.s.Assignments[i].ID == id {
			a := &t.s.Assignments[i]
			a.Acceptance, a.Answered, a.AnsweredBy, a.Reason = acc, t.env.Now, t.env.Actor, reason
		}
	}
}

// An answer changes no field merged by its clock (answers merge by what
// they are: see mergeAnswer), so accepting takes no clock reading.
func (op Accept) apply(t *tx) error {
	ans, err := t.answering(op.Role, op.For, true)
	if err != nil {
		return err
	}
	t.setAnswer(ans.cur.ID, AcceptanceAccepted, "")
	t.record(Entry{Kind: KindHandoffAccepted, Role: ans.ref.Role, Workstream: ans.ref.Workstream,
		From: t.s.DisplayName(ans.cur.By), To: ans.holder})
	return nil
}

func (op Decline) apply(t *tx) error {
	reason, err := checkText("reason", strings.TrimSpace(op.Reason), MaxEntry, true)
	if err != nil {
		return err
	}
	ans, err := t.answering(op.Role, op.For, false)
	if err != nil {
		return err
	}
	back := t.s.previousHolder(ans.ref, ans.cur)
	if back == "" && ans.ref.Role == IncidentManager {
		return &ConflictError{Reason: i18n.M("there is nobody to give %s back to; hand it to someone else", RoleLabel{ans.ref, t.c})}
	}
	t.setAnswer(ans.cur.ID, AcceptanceDeclined, reason)
	// The role goes back in an assignment of its own, whose id comes from
	// the handoff's: two copies that declined one handoff apart give it
	// back once.
	id := ans.cur.ID + "-back"
	for _, a := range t.s.Assignments {
		if a.ID == id {
			if id, err = t.assignmentID(); err != nil {
				return err
			}
			break
		}
	}
	t.s.Assignments = append(t.s.Assignments, Assignment{
		ID: id, Role: ans.ref.Role, Workstream: ans.ref.Workstream, Holder: back,
		Since: t.env.Now, By: t.env.Actor, Clock: t.stamp(),
	})
	setUntil(t.s.Assignments, ans.ref)
	t.record(Entry{Kind: KindHandoffDeclined, Role: ans.ref.Role, Workstream: ans.ref.Workstream,
		From: ans.holder, To: back, Text: reason})
	return nil
}

// previousHolder is who held ref before the handoff cur: the holder of the
// latest earlier assignment held by someone else, or "" when that was the
// incident manager by default (never handed, given back, or closed).
func (s State) previousHolder(ref RoleRef, cur Assignment) string {
	hist := s.History(ref)
	for i := len(hist) - 1; i >= 0; i-- {
		a := hist[i]
		if a.Clock.Compare(cur.Clock) >= 0 || (a.Holder != "" && SameName(a.Holder, cur.Holder)) {
			continue
		}
		if a.Closed {
			return ""
		}
		return s.DisplayName(a.Holder)
	}
	return ""
}
