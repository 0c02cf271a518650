package model

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// Audience is whom an update is for.
type Audience string

// The audiences the communications manager updates.
const (
	AudienceExternal  Audience = "external"  // the status page
	AudienceInternal  Audience = "internal"  // the company
	AudienceExecutive Audience = "executive" // executives
	AudienceSocial    Audience = "social"    // social channels
)

// Audiences lists the audiences, in the order they are shown.
var Audiences = []Audience{AudienceExternal, AudienceInternal, AudienceExecutive, AudienceSocial}

// In is the audience as people read it in l: "external", "externo". An
// audience this build does not know is shown as it is.
func (a Audience) In(l i18n.Lang) string {
	if !slices.Contains(Audiences, a) {
		return string(a)
	}
	return l.T(string(a))
}

// ParseAudience accepts an audience, case-insensitively.
func ParseAudience(v string) (Audience, error) { return ParseWord("audience", v, Audiences) }

// CommsUpdate records an update sent to an audience: the status page
// (external), the company (internal), executives, social channels.
type CommsUpdate struct {
	Audience Audience
	Text     string
	// Role is the communications manager instance writing it; when
	// empty, the one whose workstream is the audience (comms/external)
	// if there is one.
	Role RoleRef
	// NeedsApproval makes an update written by anyone but the incident
	// manager a draft: it awaits the incident manager's approval, and
	// counts as sent only once approved. An update to an audience whose
	// approval the incident's policy requires is a draft anyway.
	NeedsApproval bool
}

// ApproveUpdate is the incident manager approving a draft update: it
// counts as sent from then on.
type ApproveUpdate struct {
	Draft string // entry id or unique prefix
}

// RejectUpdate is the incident manager sending a draft back, with why.
type RejectUpdate struct {
	Draft  string
	Reason string
}

func (op CommsUpdate) apply(t *tx) error {
	aud, err := ParseAudience(string(op.Audience))
	if err != nil {
		return err
	}
	text, err := checkText("update", strings.TrimSpace(op.Text), MaxEntry, true)
	if err != nil {
		return err
	}
	// A draft waits for the incident manager (To empty) or, from someone
	// who holds neither role, for the communications manager (To names
	// the role).
	kind, to := KindComms, ""
	switch t.s.UpdateApprover(t.env.Actor, aud, op.NeedsApproval) {
	case IncidentManager:
		kind = KindCommsDraft
	case CommunicationsManager:
		kind, to = KindCommsDraft, CommunicationsManager
	}
	ref := op.Role
	if ref.IsZero() {
		ref = RoleRef{Role: CommunicationsManager}
		if a, ok := t.s.current(RoleRef{Role: CommunicationsManager, Workstream: string(aud)}); ok && !a.Closed {
			ref.Workstream = string(aud)
		}
	}
	if ref, err = t.checkRole(ref); err != nil {
		return err
	}
	t.record(Entry{Kind: kind, Role: ref.Role, Workstream: ref.Workstream, Channel: string(aud), Text: text, To: to})
	return nil
}

// entryByID finds an entry among es by id or unique prefix, or says
// which ids would do.
func entryByID(es []Entry, ref string, what i18n.Word) (Entry, *InvalidError) {
	e, matches := findByID(es, func(e Entry) string { return e.ID }, ref, "e")
	switch {
	case len(matches) == 1:
		return e, nil
	case len(matches) > 1:
		return Entry{}, &InvalidError{What: what, Value: ref, Valid: matches, Ambiguous: true}
	}
	ids := make([]string, len(es))
	for i, x := range es {
		ids[i] = x.ID
	}
	return Entry{}, &InvalidError{What: what, Value: ref, Valid: ids}
}

// pendingDraft finds a draft awaiting approval by id or unique prefix.
// want is what is to be done with it (approve: comms; send back:
// comms_rejected): a draft that was already so changes nothing.
func (t *tx) pendingDraft(ref string, want Kind) (Entry, error) {
	pending := t.s.PendingUpdates()
	d, ierr := entryByID(pending, ref, "draft id")
	if ierr == nil {
		return d, nil
	}
	if err := t.decided(ref, want); err != nil {
		return Entry{}, err
	}
	if len(pending) == 0 {
		ierr.None = i18n.M("(no drafts awaiting approval)")
	}
	return Entry{}, ierr
}

// decided says when a draft ref names was already approved or sent back:
// as a change that changes nothing when that is what want asks for.
func (t *tx) decided(ref string, want Kind) error {
	var drafts []Entry
	for _, e := range t.s.Timeline {
		if e.Kind == KindCommsDraft {
			drafts = append(drafts, e)
		}
	}
	d, ierr := entryByID(drafts, ref, "draft id")
	if ierr != nil {
		return nil
	}
	for _, e := range t.s.Timeline {
		if e.Entry != d.ID {
			continue
		}
		at := e.At.UTC().Format("15:04 MST")
		var reason i18n.Message
		switch e.Kind {
		case KindComms:
			reason = i18n.M("draft %s was already approved, by %s at %s", d.ID, e.By, at)
		case KindCommsRejected:
			reason = i18n.M("draft %s was already sent back, by %s at %s", d.ID, e.By, at)
		default:
			continue
		}
		if e.Kind == want {
			return &UnchangedError{Reason: reason}
		}
		return &ConflictError{Reason: reason}
	}
	return nil
}

// checkApprover refuses anyone who may not approve or send back d
// (State.MayApprove).
func (t *tx) checkApprover(d Entry) error {
	switch im := t.s.Commander(); {
	case t.s.MayApprove(t.env.Actor, d):
		return nil
	case d.To == CommunicationsManager && !t.s.Policy().NeedsApproval(d.Audience()):
		return &ConflictError{Reason: i18n.M("only the communications manager or the incident manager, %s, approves or sends back draft %s; %s is neither", im, d.ID, t.env.Actor)}
	default:
		return &ConflictError{Reason: i18n.M("only the incident manager, %s, approves or sends back a draft update; %s is not", im, t.env.Actor)}
	}
}

func (op ApproveUpdate) apply(t *tx) error {
	d, err := t.pendingDraft(op.Draft, KindComms)
	if err != nil {
		return err
	}
	if err := t.checkApprover(d); err != nil {
		return err
	}
	t.record(Entry{Kind: KindComms, Role: d.Role, Workstream: d.Workstream, Channel: d.Channel, Text: d.Text, Entry: d.ID, From: d.By})
	return nil
}

func (op RejectUpdate) apply(t *tx) error {
	d, err := t.pendingDraft(op.Draft, KindCommsRejected)
	if err != nil {
		return err
	}
	if err := t.checkApprover(d); err != nil {
		return err
	}
	reason, err := checkText("reason", strings.TrimSpace(op.Reason), MaxEntry, true)
	if err != nil {
		return err
	}
	t.record(Entry{Kind: KindCommsRejected, Role: d.Role, Workstream: d.Workstream, Channel: d.Channel, Text: reason, Entry: d.ID, From: d.By})
	return nil
}

// PendingUpdates are the draft updates awaiting the incident manager's
// approval, oldest first.
func (s State) PendingUpdates() []Entry {
	return s.Comms(Cadence{}).Pending
}

// CommsLog is where the communications stand: every update sent, by
// audience, the drafts awaiting approval, and when each audience is due
// its next update.
type CommsLog struct {
	Sent     map[Audience][]Entry // by audience, oldest first
	Pending  []Entry              // drafts awaiting approval, oldest first
	Rejected []Entry              // drafts sent back
	Next     []NextUpdate
}

// Comms reads the communications out of the timeline in one pass.
func (s State) Comms(c Cadence) CommsLog {
	out := CommsLog{Sent: map[Audience][]Entry{}}
	closed, approved := map[string]bool{}, map[string]bool{}
	var drafts, rejected []Entry
	since := s.Incident.Declared
	for _, e := range s.Timeline {
		switch e.Kind {
		case KindSeverity:
			if e.At.After(since) {
				since = e.At
			}
		case KindComms:
			if e.Entry != "" && approved[e.Entry] {
				// Approved twice on two copies before they synced: it
				// went out once.
				continue
			}
			out.Sent[e.Audience()] = append(out.Sent[e.Audience()], e)
			if e.Entry != "" {
				closed[e.Entry], approved[e.Entry] = true, true
			}
		case KindCommsRejected:
			rejected = append(rejected, e)
			closed[e.Entry] = true
		case KindCommsDraft:
			drafts = append(drafts, e)
		}
	}
	for _, d := range drafts {
		if !closed[d.ID] {
			out.Pending = append(out.Pending, d)
		}
	}
	for _, r := range rejected {
		// Approved on one copy and sent back on another before they
		// synced: it went out.
		if !approved[r.Entry] {
			out.Rejected = append(out.Rejected, r)
		}
	}
	last := map[Audience]time.Time{}
	for aud, es := range out.Sent {
		sort.SliceStable(es, func(i, j int) bool { return es[i].At.Before(es[j].At) })
		last[aud] = es[len(es)-1].At
	}
	sort.SliceStable(out.Pending, func(i, j int) bool { return out.Pending[i].At.Before(out.Pending[j].At) })
	out.Next = nextUpdates(s, c, last, since)
	return out
}

// Soonest is the next update due first, if any.
func (l CommsLog) Soonest() (NextUpdate, bool) {
	var best NextUpdate
	found := false
	for _, n := range l.Next {
		if !found || n.Due.Before(best.Due) {
			best, found = n, true
		}
	}
	return best, found
}
