package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// What hooks run on, and how their runs are recorded. Hooks themselves —
// the commands, when they run — live in a person's or a team's config,
// never in the incident: the file arrives by sync and git from others and
// must not be able to run commands. The incident only records that a hook
// ran (HookRan) and, for time boxes, which process claimed the event
// (TimeBoxExpired).

// HookEvent is something that happens to an incident that a hook may run
// on. Most are a change's timeline entry (a severity entry is the severity
// event); time boxes run out on their own, and a resolve is requested
// before it is made.
type HookEvent string

// The events.
const (
	EventDeclared         HookEvent = "declared"
	EventSeverity         HookEvent = "severity"
	EventStatus           HookEvent = "status"
	EventHandoff          HookEvent = "handoff"
	EventHandoffAccepted  HookEvent = "handoff_accepted"
	EventHandoffDeclined  HookEvent = "handoff_declined"
	EventTaskDone         HookEvent = "task_done"
	EventUpdateSent       HookEvent = "update_sent"
	EventTimeBoxExpired   HookEvent = "timebox_expired"
	EventResolveRequested HookEvent = "resolve_requested"
	EventResolved         HookEvent = "resolved"
)

// HookEvents lists the events, in the order an incident meets them.
var HookEvents = []HookEvent{EventDeclared, EventSeverity, EventStatus, EventHandoff, EventHandoffAccepted,
	EventHandoffDeclined, EventTaskDone, EventUpdateSent, EventTimeBoxExpired, EventResolveRequested, EventResolved}

// ParseHookEvent reads an event's name, case-insensitively.
func ParseHookEvent(v string) (HookEvent, error) { return ParseWord("event", v, HookEvents) }

// In is the event as people read it in l: its name in English, in
// words in Spanish.
func (e HookEvent) In(l i18n.Lang) string { return l.T(string(e)) }

// HookOutcome is how a hook's run ended.
type HookOutcome string

// The outcomes.
const (
	HookOK      HookOutcome = "ok"      // exit status 0
	HookFailed  HookOutcome = "failed"  // a non-zero exit status, or killed by a signal
	HookTimeout HookOutcome = "timeout" // still running at its timeout: killed, its process group with it
	HookError   HookOutcome = "error"   // it could not start
)

// MaxHookOutput is how much of the first line of a hook's output the
// timeline keeps, in characters.
const MaxHookOutput = 300

// HookRan records that a hook ran on an event: what ran, how it ended,
// how long it took and the first line of what it printed (one line of
// plain text: the runner sanitises it). Anyone may record it; it reads
// nothing of the timeline.
type HookRan struct {
	Event   HookEvent
	Command string // the argv, as a shell would quote it
	Outcome HookOutcome
	Exit    int // with HookFailed: the exit status, 1..255; -1 when a signal ended it
	Took    time.Duration
	Output  string // the first line of its output
	Cause   string // the id of the entry whose event ran it, if any
	Task    string // the id of the task the event is about, if any
}

// TimeBoxExpired records that a task's time box ran out while the task was
// open. It is the claim that decides, under the file's lock, which one of
// the processes watching the file runs the hooks on it: the first claim
// writes the entry, any later one changes nothing.
type TimeBoxExpired struct{ Task string }

// HookResult is how a run that ended so is written in the file: "ok",
// "exit 3", "signal", "timeout" or "error".
func HookResult(o HookOutcome, exit int) string {
	if o == HookFailed {
		if exit < 0 {
			return "signal"
		}
		return "exit " + strconv.Itoa(exit)
	}
	return string(o)
}

// HookFailed reports whether e records a hook run that did not end well.
func (e Entry) HookFailed() bool { return e.Kind == KindHook && e.Result != string(HookOK) }

// HookExit is the exit status a hook entry records, and whether it records
// one (a run that ended with "exit N").
func (e Entry) HookExit() (int, bool) {
	n, err := strconv.Atoi(strings.TrimPrefix(e.Result, "exit "))
	if err != nil || !strings.HasPrefix(e.Result, "exit ") {
		return 0, false
	}
	return n, true
}

func (op HookRan) apply(t *tx) error {
	ev, err := ParseHookEvent(string(op.Event))
	if err != nil {
		return err
	}
	command, err := checkText("command", strings.TrimSpace(op.Command), MaxEntry, true)
	if err != nil {
		return err
	}
	output, err := checkText("hook output", op.Output, MaxHookOutput, false)
	if err != nil {
		return err
	}
	if strings.ContainsAny(output, "\n\r") {
		return &TextError{Field: "hook output", Reason: i18n.M("must be one line")}
	}
	switch {
	case op.Outcome == HookFailed && (op.Exit == 0 || op.Exit > 255 || op.Exit < -1):
		return &TextError{Field: "exit status", Reason: i18n.M("%d is not the exit status of a failed run", op.Exit)}
	case op.Outcome != HookFailed && op.Outcome != HookOK && op.Outcome != HookTimeout && op.Outcome != HookError:
		return invalidWord("outcome", string(op.Outcome), []HookOutcome{HookOK, HookFailed, HookTimeout, HookError})
	case op.Took < 0:
		return &TextError{Field: "duration", Reason: i18n.M("%s is not how long a run took", op.Took.String())}
	}
	t.record(Entry{Kind: KindHook, Event: string(ev), Command: command, Result: HookResult(op.Outcome, op.Exit),
		Took: op.Took.Round(time.Millisecond).String(), Text: output, Entry: op.Cause, Task: op.Task})
	return nil
}

func (op TimeBoxExpired) apply(t *tx) error {
	task, err := t.s.Task(op.Task)
	if err != nil {
		return err
	}
	if task.Due.IsZero() {
		return &ConflictError{Reason: i18n.M("task %s has no time box", task.ID)}
	}
	if task.Due.After(t.env.Now) {
		return &ConflictError{Reason: i18n.M("the time box of task %s runs until %s", task.ID, task.Due.Format(time.RFC3339))}
	}
	for _, e := range t.s.Timeline {
		if e.Kind == KindTimeBoxExpired && e.Task == task.ID {
			return &UnchangedError{Reason: i18n.M("the time box of task %s has already run out", task.ID)}
		}
	}
	if !task.Open() {
		return &UnchangedError{Reason: i18n.M("task %s is %s: its time box no longer counts", task.ID, task.State)}
	}
	t.record(Entry{Kind: KindTimeBoxExpired, Task: task.ID, Text: task.Title, Role: task.Role, Workstream: task.Workstream,
		To: task.Owner, From: task.Due.UTC().Format(time.RFC3339)})
	return nil
}

// String names the run for logs: "severity: ./page.sh (exit 3)".
func (op HookRan) String() string {
	return fmt.Sprintf("%s: %s (%s)", op.Event, op.Command, HookResult(op.Outcome, op.Exit))
}
