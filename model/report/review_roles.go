package report

import (
	"time"

	"github.com/warroom/warroom/model"
)

// rolesTable is the review's account of who held each role instance
// when, closed workstreams included: one row a holder, until the next
// one took it, the workstream was closed, or the incident ended.
func rolesTable(s model.State, o Options, tm Timing, head func(...string) mdTable) mdTable {
	roles := head("Role", "Held by", "From", "Until", "Accepted", "Briefing")
	for _, h := range s.HoldingsEver(o.catalog()) {
		role := mdCell(o.role(h.Ref))
		if len(h.History) == 0 {
			roles.add(role, o.t("%s (incident manager; never handed off)", md(h.Holder)), o.stamp(h.Since), heldUntil(h.Since, tm, o), "", "")
			continue
		}
		for i, a := range h.History {
			if a.Closed {
				continue // the row before it says when
			}
			holder := md(a.Holder)
			switch {
			case a.Holder == "":
				holder = o.t("%s (given back to the incident manager)", md(s.HolderAt(model.RoleRef{Role: model.IncidentManager}, a.Since)))
			case a.Acceptance == model.AcceptanceDeclined:
				holder = o.t("offered to %s", md(a.Holder)) // never held: declined
			}
			until := heldUntil(a.Since, tm, o)
			switch {
			case i+1 < len(h.History) && h.History[i+1].Closed:
				until = o.t("%s (workstream closed)", o.stamp(a.Until))
			case !a.Until.IsZero():
				until = o.stamp(a.Until)
			}
			roles.add(role, holder, o.stamp(a.Since), until, accepted(a, o), md(a.Note))
		}
	}
	return roles
}

// accepted says in the review when a holder accepted the role handed to
// them, or declined it and why, and who recorded an answer for them.
func accepted(a model.Assignment, o Options) string {
	after := Age(a.Answered.Sub(a.Since))
	by := !model.SameName(a.AnsweredBy, a.Holder)
	switch a.Acceptance {
	case model.AcceptanceAccepted:
		switch {
		case a.Answered.Equal(a.Since) && !by:
			return o.t("took it")
		case by:
			return o.t("%s (after %s), confirmed by %s", o.stamp(a.Answered), after, md(a.AnsweredBy))
		}
		return o.t("%s (after %s)", o.stamp(a.Answered), after)
	case model.AcceptanceDeclined:
		if by {
			return o.t("declined %s (after %s), recorded by %s: %s", o.stamp(a.Answered), after, md(a.AnsweredBy), md(a.Reason))
		}
		return o.t("declined %s (after %s): %s", o.stamp(a.Answered), after, md(a.Reason))
	case model.AcceptanceAwaited:
		if a.Until.IsZero() {
			return o.t("not yet")
		}
		return o.t("never")
	}
	return ""
}

// heldUntil says until when a role taken at since and still held is held:
// now, while the incident goes on; once it is resolved or closed, until
// then (a review is read later, when "now" means nothing).
func heldUntil(since time.Time, tm Timing, o Options) string {
	end := tm.End()
	switch {
	case end.IsZero():
		return o.t("now")
	case since.After(end):
		return o.t("still held when this was written")
	case !tm.Closed.IsZero():
		return o.t("%s (closed)", o.stamp(end))
	}
	return o.t("%s (resolved)", o.stamp(end))
}
