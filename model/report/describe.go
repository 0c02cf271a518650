package report

import (
	"fmt"

	"github.com/warroom/warroom/model"
)

// Describe renders what a timeline entry says, as one sanitised line, in
// the chosen language. Its author is shown before it, so it reads as
// "alice: declared the incident …". A backdated entry says so, and so
// does one an undo wrote, naming the entry of the change it undid.
func Describe(e model.Entry, o Options) string {
	d := describe(e, o)
	if e.Undoes != "" {
		d = o.t("%s (undoing entry %s)", d, line(e.Undoes))
	}
	if !e.Recorded.IsZero() {
		return o.t("%s (backdated)", d)
	}
	return d
}

func describe(e model.Entry, o Options) string {
	switch e.Kind {
	case model.KindDeclared:
		s := o.t("declared the incident: %s", line(e.Text))
		if e.From != "" && e.From != model.SevUnset.String() {
			s += " (" + o.severity(e.From) + ")"
		}
		return s + o.t("; incident manager %s", line(e.To))
	case model.KindHandoff:
		if e.To == "" {
			return o.t("gave %s back to the incident manager (from %s)", o.role(e.RoleRef()), line(e.From))
		}
		s := o.t("handed %s from %s to %s", o.role(e.RoleRef()), line(e.From), line(e.To))
		if e.Text != "" {
			s += ": " + o.text(e.Text)
		}
		return s
	case model.KindHandoffAccepted:
		if !model.SameName(e.By, e.To) {
			return o.t("%s: accepted by %s, confirmed by %s", o.role(e.RoleRef()), line(e.To), line(e.By))
		}
		return o.t("accepted %s", o.role(e.RoleRef()))
	case model.KindHandoffDeclined:
		back := line(e.To)
		if e.To == "" {
			back = o.t("the incident manager")
		}
		if !model.SameName(e.By, e.From) {
			return o.t("%s: declined by %s, recorded by %s; back to %s: %s", o.role(e.RoleRef()), line(e.From), line(e.By), back, o.text(e.Text))
		}
		return o.t("declined %s, back to %s: %s", o.role(e.RoleRef()), back, o.text(e.Text))
	case model.KindStatus:
		s := o.t("status %s → %s", o.status(e.From), o.status(e.To))
		if model.Status(e.To).Rank() < model.Status(e.From).Rank() {
			s += " " + o.t("(moved back)")
		}
		if e.Text != "" {
			// Resolved though exit criteria were not met: why, and what.
			s += " " + o.t("(forced: %s; missing: %s)", o.text(e.Text), exitCriteria(o, e.Needs))
		}
		return s
	case model.KindSeverity:
		return o.t("severity %s → %s", o.severity(e.From), o.severity(e.To))
	case model.KindTaskAdded:
		if owner := owner(e.RoleRef(), e.To, o); owner != "" {
			return o.t("added task %s %q for %s", line(e.Task), line(e.Text), owner)
		}
		return o.t("added task %s %q", line(e.Task), line(e.Text))
	case model.KindTaskStarted:
		return o.t("started task %s %q", line(e.Task), line(e.Text))
	case model.KindTaskDone:
		return o.t("completed task %s %q", line(e.Task), line(e.Text))
	case model.KindTaskAssigned:
		if owner := owner(e.RoleRef(), e.To, o); owner != "" {
			return o.t("gave task %s %q to %s", line(e.Task), line(e.Text), owner)
		}
		return o.t("gave task %s %q to nobody", line(e.Task), line(e.Text))
	case model.KindTheoryConfirmed, model.KindTheoryRuledOut, model.KindTheoryReopened:
		verb := map[model.Kind]string{model.KindTheoryConfirmed: "confirmed theory %s", model.KindTheoryRuledOut: "ruled out theory %s",
			model.KindTheoryReopened: "reopened theory %s"}[e.Kind]
		s := o.t(verb, line(e.Theory))
		if e.Text != "" {
			s += ": " + o.text(e.Text)
		}
		return s
	case model.KindFollowUpDone:
		return o.t("completed follow-up %s %q", line(e.FollowUp), line(e.Text))
	case model.KindFollowUpReopened:
		return o.t("reopened follow-up %s %q", line(e.FollowUp), line(e.Text))
	case model.KindFollowUpChanged:
		return o.t("follow-up %s %q now: %s", line(e.FollowUp), line(e.Text), line(e.To))
	case model.KindComms:
		if e.Entry != "" {
			return o.t("%s update, drafted by %s, approved: %s", o.audience(e), line(e.From), o.text(e.Text))
		}
		return o.t("%s update: %s", o.audience(e), o.text(e.Text))
	case model.KindCommsDraft:
		return o.t("drafted for approval, %s: %s", o.audience(e), o.text(e.Text))
	case model.KindCommsRejected:
		return o.t("sent back %s's draft %s (%s update): %s", line(e.From), line(e.Entry), o.audience(e), o.text(e.Text))
	case model.KindCustomerReport, model.KindSocialPost:
		s := o.t("notable report on %s: %s", line(e.CustomerChannel().In(o.Lang)), o.text(e.Text))
		if e.Kind == model.KindSocialPost {
			s = o.t("notable social post: %s", o.text(e.Text))
		}
		if e.Entry != "" {
			s += " " + o.t("(re: update %s)", line(e.Entry))
		}
		return s
	case model.KindCustomers:
		return o.n(e.Count, "+%d customer report on %s|+%d customer reports on %s", e.Count, line(e.CustomerChannel().In(o.Lang)))
	case model.KindCAN:
		return o.t("CAN — conditions: %s; actions: %s; needs: %s", o.text(e.Conditions), o.text(e.Actions), o.text(e.Needs))
	case model.KindTaskCancelled:
		return o.t("cancelled task %s %q", line(e.Task), line(e.Text))
	case model.KindRetracted:
		if e.To != "" {
			return o.t("took back the mark of %s (entry %s)", line(model.Milestone(e.To).In(o.Lang)), line(e.Entry))
		}
		return o.t("took back entry %s: %s", line(e.Entry), o.text(e.Text))
	case model.KindPin:
		return o.t("pinned entry %s as a key moment: %s", line(e.Entry), o.text(e.Text))
	case model.KindUnpin:
		return o.t("unpinned entry %s: %s", line(e.Entry), o.text(e.Text))
	case model.KindMilestone:
		return o.t("milestone: %s", line(model.Milestone(e.To).In(o.Lang)))
	case model.KindTaskReopened:
		return o.t("reopened task %s %q", line(e.Task), line(e.Text))
	case model.KindPolicy:
		return describePolicy(e, o)
	case model.KindHook:
		return describeHook(e, o)
	case model.KindTimeBoxExpired:
		return describeTimeBox(e, o)
	case model.KindRunbook:
		return runbookApplied(e, o)
	case model.KindTitle:
		if e.Text == e.From {
			return o.t("kept the title after a merge conflict: %s", line(e.Text))
		}
		return o.t("renamed the incident: %s (was %s)", line(e.Text), line(e.From))
	case model.KindConflict:
		return describeConflict(e, o)
	case model.KindSummary:
		if e.Text == "" {
			return o.t("cleared the summary")
		}
		return o.t("wrote the summary: %s", o.text(e.Text))
	case model.KindWorkstreamClosed:
		s := o.t("closed the workstream %s", o.role(e.RoleRef()))
		if e.From != "" {
			s = o.t("closed the workstream %s (held by %s)", o.role(e.RoleRef()), line(e.From))
		}
		if e.Text != "" {
			s += ": " + o.text(e.Text)
		}
		return s
	}
	text := o.text(e.Text)
	if e.FollowUp != "" && e.Kind == model.KindFollowup {
		text = o.t("follow-up %s: %s", line(e.FollowUp), text)
	} else if e.Theory != "" && e.Kind == model.KindTheory {
		text = o.t("theory %s: %s", line(e.Theory), text)
	} else if e.Theory != "" {
		text = o.t("on theory %s: %s", line(e.Theory), text)
	}
	if !e.RoleRef().IsZero() {
		return fmt.Sprintf("[%s] %s", o.role(e.RoleRef()), text)
	}
	return text
}

// owner renders who owns a task: "Tech lead · database (bob)", "bob", or "".
func owner(ref model.RoleRef, person string, o Options) string {
	switch {
	case !ref.IsZero() && person != "":
		return fmt.Sprintf("%s (%s)", o.role(ref), line(person))
	case !ref.IsZero():
		return o.role(ref)
	}
	return line(person)
}

// TaskCredit renders whom a task is credited to (model.State.TaskCredit):
// who owns an open task now, "Tech lead · database (bob)"; who closed a
// done or cancelled one, as which role; a task nobody owns, as "nobody"
// in the chosen language.
func TaskCredit(s model.State, t model.Task, o Options) string {
	ref, person := s.TaskCredit(t)
	if o := owner(ref, person, o); o != "" {
		return o
	}
	return o.t("nobody")
}
