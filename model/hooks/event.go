package hooks

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/warroom/warroom/model"
)

// SchemaVersion is the version of the event a hook reads as JSON on its
// standard input (its "schema" field). Fields are only ever added within
// a version.
const SchemaVersion = 1

// Event is one thing that happened to an incident, as a hook sees it: in
// its environment (Environ) and as JSON on its standard input.
type Event struct {
	Schema int             `json:"schema"`
	Event  model.HookEvent `json:"event"`
	At     time.Time       `json:"at"`
	// Actor is who made it happen: the author of the entry, or who asked
	// for the resolve.
	Actor string `json:"actor"`
	// Old and New are the value before and after, as the event has them
	// (see the README's table): severities "1"…"3" or "unset", as the
	// command line takes them; statuses; holders; a task's state.
	Old        string   `json:"old"`
	New        string   `json:"new"`
	Role       string   `json:"role,omitempty"`
	Workstream string   `json:"workstream,omitempty"`
	Task       string   `json:"task,omitempty"`
	Audience   string   `json:"audience,omitempty"`
	Incident   Incident `json:"incident"`
	// Entry is the timeline entry the event is, none for a resolve
	// requested.
	Entry *model.Entry `json:"entry,omitempty"`
	// DryRun is set by `warroom hooks test`: nothing happened really.
	DryRun bool `json:"dry_run,omitempty"`
}

// Incident is the incident an event happened to, after the change.
type Incident struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Severity int    `json:"severity"` // 0 while unset
	Status   string `json:"status"`
	File     string `json:"file"` // the incident file, an absolute path
}

// IncidentOf is st's incident, kept in file.
func IncidentOf(st model.State, file string) Incident {
	return Incident{ID: st.Incident.ID, Title: st.Incident.Title, Severity: int(st.Incident.Severity),
		Status: string(st.Incident.Status), File: file}
}

// Events are the events of the entries a change added to st, the incident
// after it, kept in file, in the order the entries were written. Entries
// that are no event (a note, a task added) give none; a status entry to
// resolved (or to closed, from any status but resolved) is two events,
// status and resolved.
func Events(st model.State, added []model.Entry, file string) []Event {
	var out []Event
	inc := IncidentOf(st, file)
	for i := range added {
		e := added[i]
		ev := Event{Schema: SchemaVersion, At: e.At, Actor: e.By, Old: e.From, New: e.To,
			Role: e.Role, Workstream: e.Workstream, Task: e.Task, Incident: inc, Entry: &added[i]}
		switch e.Kind {
		case model.KindDeclared:
			ev.Event, ev.Old, ev.New = model.EventDeclared, "", e.Text
			ev.Incident.Severity = int(severityOf(e.From, model.Severity(inc.Severity)))
		case model.KindSeverity:
			from, to := severityOf(e.From, -1), severityOf(e.To, model.Severity(inc.Severity))
			ev.Event, ev.Old, ev.New = model.EventSeverity, severityWord(from, e.From), severityWord(to, e.To)
			ev.Incident.Severity = int(to)
		case model.KindStatus:
			ev.Event = model.EventStatus
			ev.Incident.Status = e.To
			// Resolved, or closed without having been resolved: the
			// incident is over either way (the exit criteria hold both).
			to, from := model.Status(e.To), model.Status(e.From)
			if to == model.Resolved || to == model.Closed && from != model.Resolved {
				out = append(out, ev)
				ev.Event = model.EventResolved
			}
		case model.KindHandoff:
			ev.Event = model.EventHandoff
		case model.KindHandoffAccepted:
			ev.Event = model.EventHandoffAccepted
		case model.KindHandoffDeclined:
			ev.Event = model.EventHandoffDeclined
		case model.KindTaskDone:
			ev.Event = model.EventTaskDone
		case model.KindComms:
			ev.Event, ev.Old, ev.New, ev.Audience = model.EventUpdateSent, "", e.Text, string(e.Audience())
		case model.KindTimeBoxExpired:
			ev.Event, ev.Old, ev.New = model.EventTimeBoxExpired, e.From, ""
		default:
			continue
		}
		out = append(out, ev)
	}
	return out
}

// ResolveRequested is the event of actor asking, at now, for st's
// incident to be resolved: before the change, which a check may refuse.
func ResolveRequested(st model.State, actor, file string, now time.Time) Event {
	return Event{Schema: SchemaVersion, Event: model.EventResolveRequested, At: now.UTC(), Actor: actor,
		Old: string(st.Incident.Status), New: string(model.Resolved), Incident: IncidentOf(st, file)}
}

// severityOf reads a severity as an entry writes it ("unset", "SEV1").
func severityOf(v string, otherwise model.Severity) model.Severity {
	if s, err := model.ParseSeverity(v); err == nil {
		return s
	}
	return otherwise
}

// severityWord is a severity as the command line takes it: "1"…"3",
// "unset"; a value no severity reads as stays as it was.
func severityWord(s model.Severity, as string) string {
	switch {
	case s < 0:
		return as
	case s == model.SevUnset:
		return "unset"
	}
	return strconv.Itoa(int(s))
}

// JSON is the event as a hook reads it on its standard input.
func (e Event) JSON() []byte {
	b, err := json.Marshal(e)
	if err != nil { // an Event always marshals; never hand a hook half of one
		return []byte("{}")
	}
	return append(b, '\n')
}

// Environ is what a hook finds in its environment about the event.
func (e Event) Environ() []string {
	env := []string{
		"WARROOM_EVENT=" + string(e.Event),
		"WARROOM_FILE=" + e.Incident.File,
		"WARROOM_INCIDENT=" + e.Incident.ID,
		"WARROOM_ACTOR=" + e.Actor,
		"WARROOM_OLD=" + e.Old,
		"WARROOM_NEW=" + e.New,
	}
	if e.DryRun {
		env = append(env, "WARROOM_DRY_RUN=1")
	}
	for i, kv := range env {
		// A NUL cannot be passed in an environment; text from the file
		// may hold one.
		env[i] = strings.ReplaceAll(kv, "\x00", "")
	}
	return env
}

// text and number are the event's fields as a condition reads them.
func (e Event) text(name string) string {
	switch name {
	case "event":
		return string(e.Event)
	case "status":
		return e.Incident.Status
	case "old":
		return e.Old
	case "new":
		return e.New
	case "role":
		return e.Role
	case "workstream":
		return e.Workstream
	case "actor":
		return e.Actor
	case "task":
		return e.Task
	case "audience":
		return e.Audience
	}
	return ""
}

func (e Event) number(name string) int {
	if name == "severity" {
		return e.Incident.Severity
	}
	return 0
}
