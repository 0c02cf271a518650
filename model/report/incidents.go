package report

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/warroom/warroom/model"
)

// Filed is an incident of a folder: the file it is in, and what was read
// of it (the head, and the timeline entries of the kinds asked for).
type Filed struct {
	Path  string
	State model.State
}

// Unread is a file of a folder that was not listed, and why.
type Unread struct {
	Path string `json:"path"`
	Err  error  `json:"-"`
}

// IncidentKinds are the entries IncidentList reads besides the head:
// the changes of status, for when each incident was resolved.
var IncidentKinds = model.TimelineNeed{Kinds: []model.Kind{model.KindStatus}}

// IncidentRow is one incident as `warroom incidents` lists it.
type IncidentRow struct {
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	Severity model.Severity `json:"severity"`
	Status   model.Status   `json:"status"`
	Service  string         `json:"service,omitzero"`
	Declared time.Time      `json:"declared"`
	// Resolved is when it was last resolved (or closed without being
	// resolved); zero while it is open.
	Resolved time.Time `json:"resolved,omitzero"`
	// Duration is from the declaration to Resolved, or to now while it
	// is open.
	Duration time.Duration `json:"-"`
	Seconds  int64         `json:"duration_seconds"`
	Manager  string        `json:"incident_manager"`
	Open     bool          `json:"open"`
	Drill    bool          `json:"drill,omitzero"`
	Path     string        `json:"path"`
}

// IncidentRows are the rows of the incidents of a folder, open first,
// then newest first.
func IncidentRows(ins []Filed, now time.Time) []IncidentRow {
	rows := make([]IncidentRow, 0, len(ins))
	for _, f := range ins {
		in := f.State.Incident
		open := in.Status != model.Resolved && in.Status != model.Closed
		r := IncidentRow{ID: in.ID, Title: in.Title, Severity: in.Severity, Status: in.Status, Service: in.Service,
			Declared: in.Declared, Manager: f.State.Commander(), Open: open, Drill: in.IsDrill(), Path: f.Path}
		end := now
		if !open {
			tm := Timings(f.State)
			r.Resolved = tm.Resolved
			if r.Resolved.IsZero() {
				r.Resolved = tm.Closed
			}
			end = r.Resolved
		}
		r.Duration = max(0, end.Sub(in.Declared))
		r.Seconds = int64(r.Duration / time.Second)
		rows = append(rows, r)
	}
	slices.SortStableFunc(rows, func(a, b IncidentRow) int {
		if a.Open != b.Open {
			if a.Open {
				return -1
			}
			return 1
		}
		return cmp.Or(b.Declared.Compare(a.Declared), strings.Compare(a.ID, b.ID))
	})
	return rows
}

// IncidentList renders `warroom incidents`: one line an incident (id,
// severity, status, when it was declared, how long it lasted or has
// lasted, its incident manager, its title), then the files that could
// not be read, with why, and with others, the files that hold no
// incident.
func IncidentList(rows []IncidentRow, unread, others []Unread, o Options) string {
	var b strings.Builder
	if len(rows) == 0 {
		b.WriteString(o.t("No incidents.") + "\n")
	} else {
		t := table{}
		t.add(o.t("ID"), o.t("SEV"), o.t("STATUS"), o.t("DECLARED"), o.t("DURATION"), o.t("INCIDENT MANAGER"), o.t("TITLE"))
		for _, r := range rows {
			dur := Age(r.Duration)
			if r.Open {
				dur += "+"
			}
			t.add(line(r.ID), o.severity(r.Severity.String()), o.status(string(r.Status)), o.day(r.Declared), dur, line(r.Manager), line(r.Title))
		}
		b.WriteString(t.String())
	}
	writeUnread(&b, unread, others, o)
	return b.String()
}

// writeUnread says which files of a folder were not read, and why; and,
// when others are given, which hold no incident.
func writeUnread(b *strings.Builder, unread, others []Unread, o Options) {
	if len(unread) > 0 {
		b.WriteString("\n" + o.n(len(unread), "%d file could not be read:|%d files could not be read:", len(unread)) + "\n")
		for _, u := range unread {
			b.WriteString("  " + line(explain(u.Err, o)) + "\n")
		}
	}
	if len(others) > 0 {
		b.WriteString("\n" + o.n(len(others), "%d file is not an incident:|%d files are not incidents:", len(others)) + "\n")
		for _, u := range others {
			b.WriteString("  " + line(u.Path) + "\n")
		}
	}
}

// explain says an error in the chosen language, when it can.
func explain(err error, o Options) string {
	if err == nil {
		return ""
	}
	return model.Explain(err, o.Lang)
}

// day renders a time as a day and a time of day, in the chosen zone:
// "2026-11-24 23:41".
func (o Options) day(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(o.loc()).Format("2006-01-02 15:04")
}

// Unreadable says which files of a folder were not read and why, and,
// when others are given, which hold no incident: "" when none.
func Unreadable(unread, others []Unread, o Options) string {
	var b strings.Builder
	writeUnread(&b, unread, others, o)
	return b.String()
}
