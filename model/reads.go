package model

// What an operation or a summary reads of the timeline, so that a store can
// hand a change only the part of a long timeline it needs. The rest of the
// state (the incident, people, roles, tasks, theories, follow-ups) is small
// and always read whole.

// TimelineNeed says which timeline entries something reads: none, those of
// some kinds, or all of them.
type TimelineNeed struct {
	// All: every entry.
	All bool
	// Kinds: the entries of these kinds, when All is false. None when empty.
	Kinds []Kind
}

// Plus is what both needs read.
func (n TimelineNeed) Plus(o TimelineNeed) TimelineNeed {
	if n.All || o.All {
		return TimelineNeed{All: true}
	}
	out := TimelineNeed{Kinds: append([]Kind(nil), n.Kinds...)}
	for _, k := range o.Kinds {
		if !out.Has(k) {
			out.Kinds = append(out.Kinds, k)
		}
	}
	return out
}

// Has reports whether an entry of kind k is read.
func (n TimelineNeed) Has(k Kind) bool {
	if n.All {
		return true
	}
	for _, x := range n.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Covers reports whether n reads every entry o reads.
func (n TimelineNeed) Covers(o TimelineNeed) bool {
	if n.All {
		return true
	}
	if o.All {
		return false
	}
	for _, k := range o.Kinds {
		if !n.Has(k) {
			return false
		}
	}
	return true
}

// Filter returns the entries of es that n reads, in their order. It returns
// es itself when n reads all of them.
func (n TimelineNeed) Filter(es []Entry) []Entry {
	if n.All {
		return es
	}
	if len(n.Kinds) == 0 {
		return nil
	}
	k := 0
	for i := range es {
		if n.Has(es[i].Kind) {
			k++
		}
	}
	if k == 0 {
		return nil
	}
	out := make([]Entry, 0, k)
	for i := range es {
		if n.Has(es[i].Kind) {
			out = append(out, es[i])
		}
	}
	return out
}

// CustomerKinds are the entries Customers and CustomerTrend read.
var CustomerKinds = TimelineNeed{Kinds: []Kind{KindCustomers}}

// CommsKinds are the entries Comms and PendingUpdates read.
var CommsKinds = TimelineNeed{Kinds: []Kind{KindSeverity, KindComms, KindCommsDraft, KindCommsRejected}}

// ConflictKinds are the entries OpenConflicts reads, and setting the
// title or the summary: the same text decides an open conflict.
var ConflictKinds = TimelineNeed{Kinds: []Kind{KindConflict}}

// ResolveKinds are the entries the exit criteria read.
var ResolveKinds = TimelineNeed{Kinds: []Kind{KindStatus, KindComms}}

// Needs says which entries of the timeline applying op reads. Apply gives
// the same result, or the same error, on a state whose timeline holds only
// those entries: a store may load no more than that. An operation not
// listed here reads the whole timeline.
func Needs(op Op) TimelineNeed {
	if st, ok := op.(SetStatus); ok && (st.Status == Resolved || st.Status == Closed) {
		return ResolveKinds // the exit criteria read the updates sent since the fix
	}
	switch op.(type) {
	case Declare, Log, TaskAdd, TaskSet, TaskAssign, Handoff, Release, SetStatus, SetSeverity, CAN,
		CommsUpdate, Customers, FollowUpSet, FollowUpDetails, TheorySet, CloseWorkstream,
		Accept, Decline, SetPolicy, HookRan:
		return TimelineNeed{}
	case SetTitle, SetSummary:
		return ConflictKinds
	case Mark:
		return MilestoneKinds
	case ApplyRunbook:
		return RunbookKinds
	case WithRunbooks:
		return Needs(op.(WithRunbooks).Op).Plus(RunbookKinds)
	case TimeBoxExpired:
		return TimelineNeed{Kinds: []Kind{KindTimeBoxExpired}}
	case ApproveUpdate, RejectUpdate, Notable:
		return CommsKinds
	}
	return TimelineNeed{All: true}
}
