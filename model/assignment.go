package model

import (
	"sort"
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// RoleRef names one instance of a role: the role's key and, when a role has
// several instances, the workstream that tells them apart ("database").
type RoleRef struct {
	Role       string
	Workstream string
}

// IsZero reports whether r names no role.
func (r RoleRef) IsZero() bool { return r.Role == "" }

// String renders "tech_lead" or "tech_lead/database".
func (r RoleRef) String() string {
	if r.Workstream == "" {
		return r.Role
	}
	return r.Role + "/" + r.Workstream
}

// Label renders the display name: "Tech lead" or "Tech lead · database".
func (r RoleRef) Label(c *Catalog, l i18n.Lang) string {
	name := r.Role
	if role, ok := c.Role(r.Role); ok {
		name = role.Name(l)
	}
	if r.Workstream == "" {
		return name
	}
	return name + " · " + r.Workstream
}

// RoleLabel is a role instance's display name as an argument of an
// i18n.Message: it renders in the message's language, from the catalog.
type RoleLabel struct {
	Ref     RoleRef
	Catalog *Catalog
}

// In renders the label in l.
func (r RoleLabel) In(l i18n.Lang) string { return r.Ref.Label(r.Catalog, l) }

// String renders the label in English.
func (r RoleLabel) String() string { return r.In(i18n.English) }

// ParseRoleRef reads ROLE or ROLE/WORKSTREAM, where ROLE is a key or alias.
func ParseRoleRef(c *Catalog, v string) (RoleRef, error) {
	name, ws, _ := strings.Cut(v, "/")
	role, err := c.Lookup(name)
	if err != nil {
		if ie, ok := err.(*InvalidError); ok {
			ie.Value = v
		}
		return RoleRef{}, err
	}
	return c.check(RoleRef{Role: role.Key, Workstream: ws})
}

// check validates a role instance: a catalog role key and, except for the
// incident manager, of whom there is one, an optional workstream.
func (c *Catalog) check(r RoleRef) (RoleRef, error) {
	if _, ok := c.Role(r.Role); !ok {
		return r, &InvalidError{What: "role", Value: r.Role, Valid: c.Names()}
	}
	ws, err := checkWorkstream(r.Workstream)
	if err != nil {
		return r, err
	}
	if ws != "" && r.Role == IncidentManager {
		return r, &TextError{Field: "workstream", Reason: i18n.M("there is one incident manager; workstreams are for the other roles")}
	}
	return RoleRef{Role: r.Role, Workstream: ws}, nil
}

// Assignment records that a role instance was handed to someone. A role's
// history is its assignments in clock order; the last one is current.
// Until is derived from the next assignment and kept for readers. One
// with no holder gave the instance back to the incident manager; one that
// is Closed ended a workstream (a later handoff opens it again).
//
// A handoff to someone else awaits their answer (Acceptance): the role is
// theirs at once, and the answer — accepted, or declined with a Reason —
// is the one part of an assignment that changes after it is written.
type Assignment struct {
	ID         string    `toml:"id" json:"id"`
	Role       string    `toml:"role" json:"role"`
	Workstream string    `toml:"workstream,omitempty" json:"workstream,omitzero"`
	Holder     string    `toml:"holder" json:"holder"`
	Closed     bool      `toml:"closed,omitempty" json:"closed,omitzero"`
	Since      time.Time `toml:"since" json:"since"`
	Until      time.Time `toml:"until,omitempty" json:"until,omitzero"`
	By         string    `toml:"by" json:"by"`
	Note       string    `toml:"note,omitempty" json:"note,omitzero"`
	Clock      Stamp     `toml:"clock" json:"clock"`
	// Acceptance is where the handoff stands with its holder: awaited
	// until they answer, then accepted or declined; empty when no answer
	// was asked (the declaration, a role given back, a file written
	// before warroom asked).
	Acceptance Acceptance `toml:"acceptance,omitempty" json:"acceptance,omitzero"`
	// Answered is when the holder accepted or declined; AnsweredBy, who
	// recorded it: the holder, or the incident manager (or whoever made
	// the handoff) confirming an answer given by phone.
	Answered   time.Time `toml:"answered,omitempty" json:"answered,omitzero"`
	AnsweredBy string    `toml:"answered_by,omitempty" json:"answered_by,omitzero"`
	// Reason says why the holder declined.
	Reason string `toml:"reason,omitempty" json:"reason,omitzero"`
}

// Ref returns the role instance the assignment is for.
func (a Assignment) Ref() RoleRef { return RoleRef{Role: a.Role, Workstream: a.Workstream} }

// Holding says who holds one role instance now.
type Holding struct {
	Ref     RoleRef
	Holder  string    // as the incident first knew that person
	Default bool      // held by the incident manager because nobody else was handed it
	Since   time.Time // when the current holder took it (for defaults: when the IM did)
	Note    string    // the briefing given at the last handoff
	// Acceptance is where the current holder's handoff stands:
	// AcceptanceAwaited until they accept it; empty for a role held by
	// default or given back.
	Acceptance Acceptance
	By         string       // who handed it to the current holder
	History    []Assignment // every assignment of this instance, oldest first
	// Closed marks a workstream that was closed (its last assignment is
	// the closing). Holdings lists one only while it still has open
	// tasks, given to it on a copy that had not seen it closed.
	Closed bool
}

// History returns the assignments of one role instance, oldest first.
func (s State) History(ref RoleRef) []Assignment {
	var out []Assignment
	for _, a := range s.Assignments {
		if a.Ref() == ref {
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Clock.Compare(out[j].Clock) < 0 })
	return out
}

// current returns the latest assignment of ref.
func (s State) current(ref RoleRef) (Assignment, bool) {
	var cur Assignment
	found := false
	for _, a := range s.Assignments {
		if a.Ref() == ref && (!found || a.Clock.Compare(cur.Clock) > 0) {
			cur, found = a, true
		}
	}
	return cur, found
}

// Commander returns the incident manager's name, as the incident first
// knew that person.
func (s State) Commander() string {
	a, _ := s.current(RoleRef{Role: IncidentManager})
	return s.DisplayName(a.Holder)
}

// Holder returns who holds a role instance now, as the incident first
// knew that person, and whether that is the incident manager by default.
func (s State) Holder(ref RoleRef) (name string, byDefault bool) {
	if a, ok := s.current(ref); ok && a.Holder != "" {
		return s.DisplayName(a.Holder), false
	}
	return s.Commander(), ref.Role != IncidentManager
}

// Holdings lists every role instance and its holder, in catalog order: each
// catalog role once, or once per workstream where it has been split. A role
// nobody was handed is held by the incident manager (Default). Roles in the
// file that the catalog does not know come last.
//
// A closed workstream is left out (unless it still has open tasks). The
// role itself, without a workstream, is listed when it was handed to
// someone, when none of its workstreams is open, or when open tasks are
// its own: so that every open task's role is on the list.
func (s State) Holdings(c *Catalog) []Holding { return s.holdings(c, false) }

// HoldingsEver is Holdings with the closed workstreams too (Closed set):
// every role instance that has been held, for a review of who held what.
func (s State) HoldingsEver(c *Catalog) []Holding { return s.holdings(c, true) }

func (s State) holdings(c *Catalog, ever bool) []Holding {
	refs := map[string][]RoleRef{}
	seen := map[RoleRef]bool{}
	for _, a := range s.Assignments {
		if r := a.Ref(); !seen[r] {
			seen[r] = true
			refs[r.Role] = append(refs[r.Role], r)
		}
	}
	tasks := map[RoleRef]bool{} // instances that own open tasks
	for _, t := range s.Tasks {
		if t.Open() && t.Role != "" {
			tasks[t.RoleRef()] = true
		}
	}
	keys := c.Keys()
	var extra []string
	for k := range refs {
		if _, ok := c.Role(k); !ok {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	im, _ := s.current(RoleRef{Role: IncidentManager})

	var out []Holding
	for _, key := range append(keys, extra...) {
		instances := refs[key]
		sort.SliceStable(instances, func(i, j int) bool { return instances[i].Workstream < instances[j].Workstream })
		var role []Holding
		whole, open := false, false
		for _, ref := range instances {
			h := Holding{Ref: ref, History: s.History(ref)}
			n := len(h.History)
			h.Closed = n > 0 && h.History[n-1].Closed
			if h.Closed && !ever && !tasks[ref] {
				continue
			}
			if n > 0 && h.History[n-1].Holder != "" {
				cur := h.History[n-1]
				h.Holder, h.Since, h.Note = s.DisplayName(cur.Holder), cur.Since, cur.Note
				h.Acceptance, h.By = cur.Acceptance, s.DisplayName(cur.By)
			} else {
				h.Holder, h.Since, h.Default = s.DisplayName(im.Holder), im.Since, key != IncidentManager
			}
			whole = whole || ref.Workstream == ""
			open = open || (ref.Workstream != "" && !h.Closed)
			role = append(role, h)
		}
		if !whole && (!open || tasks[RoleRef{Role: key}]) {
			// Nobody was handed the role itself, so its holder is the
			// incident manager's by default.
			h := Holding{Ref: RoleRef{Role: key}, Holder: s.DisplayName(im.Holder), Since: im.Since, Default: key != IncidentManager}
			role = append([]Holding{h}, role...)
		}
		out = append(out, role...)
	}
	return out
}

// WorkstreamClosed reports whether ref is a workstream that was closed
// and not handed to anyone since.
func (s State) WorkstreamClosed(ref RoleRef) bool {
	a, ok := s.current(ref)
	return ok && a.Closed
}

// Workstreams lists the open workstreams of a role (the instances with a
// workstream, not closed), by workstream.
func (s State) Workstreams(role string) []RoleRef {
	var out []RoleRef
	seen := map[RoleRef]bool{}
	for _, a := range s.Assignments {
		if r := a.Ref(); a.Role == role && r.Workstream != "" && !seen[r] {
			seen[r] = true
			if !s.WorkstreamClosed(r) {
				out = append(out, r)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Workstream < out[j].Workstream })
	return out
}

// DefaultRoles lists the role instances still held by the incident manager
// because nobody else was handed them.
func (s State) DefaultRoles(c *Catalog) []RoleRef {
	var out []RoleRef
	for _, h := range s.Holdings(c) {
		if h.Default {
			out = append(out, h.Ref)
		}
	}
	return out
}

// setUntil recomputes the derived Until of every assignment of ref.
func setUntil(as []Assignment, ref RoleRef) {
	var idx []int
	for i, a := range as {
		if a.Ref() == ref {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(i, j int) bool { return as[idx[i]].Clock.Compare(as[idx[j]].Clock) < 0 })
	for n, i := range idx {
		if n+1 < len(idx) {
			as[i].Until = as[idx[n+1]].Since
		} else {
			as[i].Until = time.Time{}
		}
	}
}
