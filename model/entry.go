package model

import (
	"fmt"
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// Kind says what a timeline entry records.
type Kind string

// Kinds written by people with `warroom log --kind`.
const (
	KindNote     Kind = "note"
	KindDecision Kind = "decision"
	KindAction   Kind = "action"
	KindTheory   Kind = "theory"
	KindFollowup Kind = "followup"
)

// Kinds the timeline writes by itself as the incident changes.
const (
	KindDeclared      Kind = "declared"
	KindHandoff       Kind = "handoff"
	KindStatus        Kind = "status"
	KindSeverity      Kind = "severity"
	KindTaskAdded     Kind = "task_added"
	KindTaskStarted   Kind = "task_started"
	KindTaskDone      Kind = "task_done"
	KindTaskReopened  Kind = "task_reopened"
	KindTaskAssigned  Kind = "task_assigned"
	KindTaskCancelled Kind = "task_cancelled"
	KindRetracted     Kind = "retracted"

	KindCAN              Kind = "can"
	KindFollowUpDone     Kind = "followup_done"
	KindFollowUpReopened Kind = "followup_reopened"
	KindFollowUpChanged  Kind = "followup_changed"
	KindCustomers        Kind = "customers"
	KindComms            Kind = "comms"
	KindCommsDraft       Kind = "comms_draft"
	KindCommsRejected    Kind = "comms_rejected"
	KindCustomerReport   Kind = "customer_report"
	KindSocialPost       Kind = "social_post"
	KindTheoryConfirmed  Kind = "theory_confirmed"
	KindTheoryRuledOut   Kind = "theory_ruled_out"
	KindTheoryReopened   Kind = "theory_reopened"

	KindTitle            Kind = "title"
	KindSummary          Kind = "summary"
	KindWorkstreamClosed Kind = "workstream_closed"

	KindHandoffAccepted Kind = "handoff_accepted"
	KindHandoffDeclined Kind = "handoff_declined"

	// KindPolicy: a rule of the incident's policy changed; Text names the
	// rule, From and To are its old and new values.
	KindPolicy Kind = "policy"

	// KindConflict: a strict merge found a field both sides changed
	// apart; Text names the field (title, summary), To is the value kept,
	// From the other side's. See MergeFromBase.
	KindConflict Kind = "conflict"

	// KindHook: a hook ran on an event (HookRan). KindTimeBoxExpired: a
	// task's time box ran out while it was open, claimed by the one
	// process that runs the hooks on it (TimeBoxExpired).
	KindHook           Kind = "hook"
	KindTimeBoxExpired Kind = "timebox_expired"
)

// LogKinds are the kinds a person may log directly.
var LogKinds = []Kind{KindNote, KindDecision, KindAction, KindTheory, KindFollowup}

// SystemKinds are the kinds the timeline writes by itself.
var SystemKinds = []Kind{KindDeclared, KindHandoff, KindStatus, KindSeverity,
	KindTaskAdded, KindTaskStarted, KindTaskDone, KindTaskReopened, KindTaskAssigned, KindTaskCancelled, KindRetracted,
	KindTheoryConfirmed, KindTheoryRuledOut, KindTheoryReopened, KindCAN,
	KindFollowUpDone, KindFollowUpReopened, KindFollowUpChanged, KindCustomers, KindComms,
	KindCommsDraft, KindCommsRejected, KindCustomerReport, KindSocialPost,
	KindTitle, KindSummary, KindWorkstreamClosed, KindHandoffAccepted, KindHandoffDeclined, KindPolicy, KindConflict,
	KindHook, KindTimeBoxExpired, KindMilestone, KindPin, KindUnpin,
	KindRunbook}

// Known reports whether k is a kind this build knows.
func (k Kind) Known() bool {
	for _, v := range append(LogKinds[:len(LogKinds):len(LogKinds)], SystemKinds...) {
		if v == k {
			return true
		}
	}
	return false
}

// In is the kind as people read it in l: words, not the key the file
// keeps ("task added", "handoff accepted"; "tarea añadida" in Spanish).
// A kind this build does not know is shown as it is.
func (k Kind) In(l i18n.Lang) string {
	if !k.Known() {
		return string(k)
	}
	if w := l.T(string(k)); w != string(k) {
		return w
	}
	if w, ok := kindWords[k]; ok {
		return w
	}
	return strings.ReplaceAll(string(k), "_", " ")
}

// kindWords are the English words of the kinds whose key, its
// underscores read as spaces, does not say what they are.
var kindWords = map[Kind]string{
	KindFollowup: "follow-up", KindRetracted: "taken back", KindCAN: "CAN report",
	KindFollowUpDone: "follow-up done", KindFollowUpReopened: "follow-up reopened", KindFollowUpChanged: "follow-up changed",
	KindCustomers: "customer reports", KindComms: "update sent", KindPin: "pinned", KindUnpin: "unpinned", KindCommsDraft: "update drafted",
	KindCommsRejected: "update sent back", KindTimeBoxExpired: "time box expired", KindHook: "hook run",
	KindRunbook: "runbook applied",
}

// ParseLogKind accepts a kind a person may log, case-insensitively.
func ParseLogKind(v string) (Kind, error) {
	k, err := ParseWord("kind", v, LogKinds)
	if ie, ok := err.(*InvalidError); ok {
		if sys := Kind(strings.ToLower(strings.TrimSpace(v))); sys.Known() {
			ie.Hint = i18n.M("%q entries are written by warroom itself", string(sys))
		}
	}
	return k, err
}

// UnmarshalText checks a kind read from a file.
func (k *Kind) UnmarshalText(b []byte) error {
	v := Kind(b)
	if !v.Known() {
		return fmt.Errorf("unknown entry kind %q", b)
	}
	*k = v
	return nil
}

// Entry is one line of the timeline. Entries are never changed once
// written. Which fields are set depends on the kind:
//
//	declared       Text = title, To = incident manager, From = severity
//	note … followup Text, optionally Role/Workstream
//	handoff        Role/Workstream, From → To, Text = briefing note
//	status         From → To (statuses)
//	severity       From → To (severities: "unset", "1".."3")
//	task_*         Task = id, Text = title, Role/Workstream/To = owner
//	task_assigned  also From = the previous owner, as "role/workstream person"
//	handoff        To = "" when the role went back to the incident manager
//	retracted      Entry = the id of the entry taken back, Text = its text;
//	               To = the milestone, when it was a milestone's mark
//	pin, unpin     Entry = the entry pinned as a key moment, or no longer;
//	               Text = its text
//	milestone      To = the milestone (impact, detected, acknowledged,
//	               mitigated), At = when it happened; Recorded = when it
//	               was marked, if not then
//	comms          Channel = audience, Text; approved from a draft: Entry =
//	               the draft's id, From = who drafted it
//	comms_draft    Channel = audience, Text: awaiting approval
//	comms_rejected Entry = the draft's id, From = its author, Text = why,
//	               Channel = the draft's audience
//	customer_report, social_post
//	               Text, Channel (tickets, calls, social), Entry = the
//	               external update it answers, if any
//	title          Text = the new title, From = the old one
//	summary        Text = the new summary; "" when it was cleared; From =
//	               the summary before ("" in entries of builds that did
//	               not record it)
//	workstream_closed
//	               Role/Workstream = the instance closed, From = its last
//	               holder ("" when the incident manager held it), Text =
//	               why; a task_assigned entry follows for each of its
//	               open tasks, given back to the role
//	handoff_accepted
//	               Role/Workstream, To = the holder who accepted, From =
//	               who handed it; By, when not To, confirmed it for them
//	handoff_declined
//	               Role/Workstream, From = the holder who declined, To =
//	               whom it went back to ("" = the incident manager by
//	               default), Text = why; By, when not From, recorded it
//	conflict       Text = the field both sides of a strict merge changed
//	               (title, summary), To = the value kept, From = the
//	               other side's; By = "warroom"
//	hook           Event, Command, Result ("ok", "exit 3", "signal",
//	               "timeout", "error"), Took; Text = the first line of its
//	               output; Entry = the entry whose event ran it, Task its
//	               task
//	timebox_expired
//	               Task = id, Text = title, Role/Workstream/To = owner,
//	               From = when the box ran out (RFC 3339)
//	any kind       Undoes = the first entry of the change it takes back,
//	               when an undo wrote it (Undo)
type Entry struct {
	ID         string    `toml:"id" json:"id"`
	At         time.Time `toml:"at" json:"at"`
	By         string    `toml:"by" json:"by"`
	Kind       Kind      `toml:"kind" json:"kind"`
	Role       string    `toml:"role,omitempty" json:"role,omitzero"`
	Workstream string    `toml:"workstream,omitempty" json:"workstream,omitzero"`
	Task       string    `toml:"task,omitempty" json:"task,omitzero"`
	Theory     string    `toml:"theory,omitempty" json:"theory,omitzero"`
	FollowUp   string    `toml:"followup,omitempty" json:"followup,omitzero"`
	// Customer reports counted (kind customers): on which channel, how
	// many; for an update (kind comms…), Channel is its audience. Read
	// it typed with Audience and CustomerChannel.
	Channel string `toml:"channel,omitempty" json:"channel,omitzero"`
	Count   int    `toml:"count,omitempty" json:"count,omitzero"`
	Entry   string `toml:"entry,omitempty" json:"entry,omitzero"`
	From    string `toml:"from,omitempty" json:"from,omitzero"`
	To      string `toml:"to,omitempty" json:"to,omitzero"`
	Text    string `toml:"text,omitempty" json:"text,omitzero"`
	// A CAN report's three parts (kind can).
	Conditions string `toml:"conditions,omitempty" json:"conditions,omitzero"`
	Actions    string `toml:"actions,omitempty" json:"actions,omitzero"`
	Needs      string `toml:"needs,omitempty" json:"needs,omitzero"`
	// Recorded, set on a backdated entry, is when it was written; At is
	// when it happened.
	Recorded time.Time `toml:"recorded,omitempty" json:"recorded,omitzero"`
	// A hook's run (kind hook): the event it ran on, its command as a
	// shell would quote it, how it ended ("ok", "exit N", "signal",
	// "timeout", "error": it could not start) and how long it ran
	// ("1.204s").
	Event   string `toml:"event,omitempty" json:"event,omitzero"`
	Command string `toml:"command,omitempty" json:"command,omitzero"`
	Result  string `toml:"result,omitempty" json:"result,omitzero"`
	Took    string `toml:"took,omitempty" json:"took,omitzero"`
	// Undoes, on an entry an undo wrote (of any kind), is the first
	// entry of the change it takes back.
	Undoes string `toml:"undoes,omitempty" json:"undoes,omitzero"`
}

// Audience is whom an update entry (comms, comms_draft, comms_rejected)
// was for, which the file keeps as its channel; "" for other kinds.
func (e Entry) Audience() Audience {
	switch e.Kind {
	case KindComms, KindCommsDraft, KindCommsRejected:
		return Audience(e.Channel)
	}
	return ""
}

// CustomerChannel is where the customers of a customer entry (customers,
// customer_report, social_post) reported; "" for other kinds.
func (e Entry) CustomerChannel() Channel {
	switch e.Kind {
	case KindCustomers, KindCustomerReport, KindSocialPost:
		return Channel(e.Channel)
	}
	return ""
}

// RoleRef returns the role instance the entry concerns, if any.
func (e Entry) RoleRef() RoleRef { return RoleRef{Role: e.Role, Workstream: e.Workstream} }
