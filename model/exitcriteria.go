package model

import (
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// ExitCriteria are what must hold before an incident is resolved (or
// closed), each on or off in the incident's policy (resolve.* rules):
// no task left open, every role handed to someone answered, the
// customers told once the fix was in, a summary written, every follow-up
// with an owner. Resolving with one unmet is refused, naming what is
// missing, unless forced with a reason, which the timeline records.
type ExitCriteria struct {
	// Set says the criteria below are the incident's own choice. A
	// policy written before there were exit criteria has none: it gets
	// every criterion (State.Policy), not none.
	Set            bool `toml:"set,omitempty" json:"-"`
	OpenTasks      bool `toml:"open_tasks,omitempty" json:"open_tasks,omitzero"`
	RolesAnswered  bool `toml:"roles_answered,omitempty" json:"roles_answered,omitzero"`
	ExternalUpdate bool `toml:"external_update,omitempty" json:"external_update,omitzero"`
	Summary        bool `toml:"summary,omitempty" json:"summary,omitzero"`
	FollowUpOwners bool `toml:"followup_owners,omitempty" json:"followup_owners,omitzero"`
}

// AllExitCriteria requires every criterion: the default.
func AllExitCriteria() ExitCriteria {
	return ExitCriteria{Set: true, OpenTasks: true, RolesAnswered: true, ExternalUpdate: true, Summary: true, FollowUpOwners: true}
}

// exitRules names each criterion as the policy's rules do, in order.
func (e *ExitCriteria) exitRules() []struct {
	name string
	on   *bool
} {
	return []struct {
		name string
		on   *bool
	}{{"resolve.open_tasks", &e.OpenTasks}, {"resolve.roles_answered", &e.RolesAnswered},
		{"resolve.external_update", &e.ExternalUpdate}, {"resolve.summary", &e.Summary},
		{"resolve.followup_owners", &e.FollowUpOwners}}
}

// Blocker is one exit criterion not met: its rule and what is missing.
type Blocker struct {
	Rule   string
	Reason i18n.Message
}

// CheckRule is the rule of a Blocker that a check hook found: a criterion
// of the team's own, outside the incident's policy.
const CheckRule = "check"

// CheckBlocker is a check hook's refusal: its command and what it said.
func CheckBlocker(command string, reason i18n.Message) Blocker {
	return Blocker{Rule: CheckRule, Reason: i18n.M("check %s refused: %s", command, reason)}
}

// BlockedError refuses to resolve an incident while exit criteria are
// not met.
type BlockedError struct {
	Status   Status
	Blockers []Blocker
}

func (e *BlockedError) Error() string { return e.In(i18n.English) }

// In renders the error in l: what is missing, one item after another,
// and how to resolve anyway.
func (e *BlockedError) In(l i18n.Lang) string {
	parts := make([]string, len(e.Blockers))
	for i, b := range e.Blockers {
		parts[i] = b.Reason.In(l)
	}
	return l.T("not %s yet: %s; to resolve anyway, say why (--force --reason TEXT)", e.Status.In(l), strings.Join(parts, "; "))
}

// Unwrap makes the error a ConflictError too.
func (e *BlockedError) Unwrap() error {
	return &ConflictError{Reason: i18n.M("not %s yet", string(e.Status))}
}

// ResolveBlockers lists the exit criteria of the incident's policy that
// its state does not meet now, in the policy's order.
func (s State) ResolveBlockers() []Blocker {
	need := s.Policy().Resolve
	var out []Blocker
	add := func(rule string, m i18n.Message) { out = append(out, Blocker{Rule: rule, Reason: m}) }
	if need.OpenTasks {
		var open []string
		for _, t := range s.Tasks {
			if t.Open() {
				open = append(open, t.ID)
			}
		}
		if len(open) > 0 {
			add("resolve.open_tasks", i18n.N(len(open), "%d task still open (%s)|%d tasks still open (%s)", len(open), idList(open)))
		}
	}
	if need.RolesAnswered {
		var waiting []string
		for _, p := range s.PendingHandoffs(time.Time{}) {
			waiting = append(waiting, p.Ref.String()+" → "+p.Holder)
		}
		if len(waiting) > 0 {
			add("resolve.roles_answered", i18n.N(len(waiting), "%d role handed and not yet accepted (%s)|%d roles handed and not yet accepted (%s)", len(waiting), idList(waiting)))
		}
	}
	if need.ExternalUpdate && s.Policy().Cadence().Every[s.Incident.Severity][AudienceExternal] > 0 && !s.toldOfTheFix() {
		add("resolve.external_update", i18n.M("no external update since the fix went in (status monitoring)"))
	}
	if need.Summary && strings.TrimSpace(s.Incident.Summary) == "" {
		add("resolve.summary", i18n.M("no summary written"))
	}
	if need.FollowUpOwners {
		var none []string
		for _, f := range s.FollowUps {
			if !f.Done && strings.TrimSpace(f.Owner) == "" {
				none = append(none, f.ID)
			}
		}
		if len(none) > 0 {
			add("resolve.followup_owners", i18n.N(len(none), "%d follow-up without an owner (%s)|%d follow-ups without an owner (%s)", len(none), idList(none)))
		}
	}
	return out
}

// toldOfTheFix reports whether an external update went out once the fix
// was in: at or after the status last became monitoring, with no move
// back to investigating or identified since (a fix that did not hold
// needs telling again).
func (s State) toldOfTheFix() bool {
	var fixed time.Time
	told := false
	for _, e := range s.Timeline {
		switch {
		case e.Kind == KindStatus:
			to, from := Status(e.To), Status(e.From)
			switch {
			case to == Monitoring && from.Rank() < Monitoring.Rank():
				fixed, told = e.At, false
			case to.Rank() < Monitoring.Rank():
				fixed, told = time.Time{}, false
			}
		case e.Kind == KindComms && e.Audience() == AudienceExternal && !fixed.IsZero() && !e.At.Before(fixed):
			told = true
		}
	}
	return told
}

// idList shows up to three ids, then how many more.
func idList(ids []string) string {
	if len(ids) <= 3 {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:3], ", ") + ", …"
}
